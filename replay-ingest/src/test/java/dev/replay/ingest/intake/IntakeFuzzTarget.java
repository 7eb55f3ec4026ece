package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.replay.ingest.IngestTestServer;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.intake.MultipartBody.Part;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fuzz target for the intake: every input becomes one real HTTP request, built from a
 * corpus request of one of the intake's formats with one part of it replaced by the
 * fuzzer's bytes, and every answer must be below 500. The first three bytes of an input
 * choose the format, the corpus request and what the rest of the input replaces; see
 * {@link Format}.
 */
public final class IntakeFuzzTarget {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** The application of the native batches. */
	static final UUID NATIVE_APPLICATION = UUID.fromString("0f0f0f0f-1111-4222-8333-444455556666");

	private static final Map<Integer, LongAdder> STATUSES = new ConcurrentHashMap<>();

	private static final LongAdder EXECUTIONS = new LongAdder();

	private static ConfigurableApplicationContext application;

	private static String base;

	private static String nativeToken;

	private static List<Template> replayTemplates;

	private static List<Template> rumTemplates;

	private IntakeFuzzTarget() {
	}

	/**
	 * What the fuzzer's bytes stand for, by the first byte of an input.
	 */
	enum Format {

		/** A Datadog replay upload (browser or mobile multipart). */
		DATADOG_REPLAY,

		/** A Datadog RUM batch (newline-delimited JSON). */
		DATADOG_RUM,

		/** A batch of our own recorder. */
		NATIVE,

		/** A Datadog log batch (newline-delimited JSON), sent like a RUM batch. */
		DATADOG_LOGS;

		static Format of(byte selector) {
			return values()[Math.floorMod(selector, values().length)];
		}

	}

	/**
	 * Start the intake on the test database and read the corpus; called once by the
	 * fuzzer.
	 */
	public static void fuzzerInitialize() {
		application = IngestTestServer.start("logging.level.root=WARN", "replay.timeline.enabled=false");
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		base = "http://127.0.0.1:" + port;
		ApplicationRegistry registry = application.getBean(ApplicationRegistry.class);
		CorpusApplications.create(registry);
		CreatedApplication nativeApplication = registry.createApplication("native", NATIVE_APPLICATION);
		nativeToken = nativeApplication.clientToken().token();
		replayTemplates = new ArrayList<>();
		rumTemplates = new ArrayList<>();
		for (CapturedRequest request : corpusRequests()) {
			Template template = Template.of(request);
			if (template.boundary() != null) {
				replayTemplates.add(template);
			}
			else if (request.pathAndQuery().contains("rum")) {
				rumTemplates.add(template);
			}
		}
	}

	/**
	 * Send one input as a request and fail on any answer of 500 or more.
	 * @param input the fuzzer's bytes
	 */
	public static void fuzzerTestOneInput(byte[] input) {
		if (input.length < 3) {
			return;
		}
		byte[] payload = Arrays.copyOfRange(input, 3, input.length);
		Request request = switch (Format.of(input[0])) {
			case DATADOG_REPLAY -> replay(pick(replayTemplates, input[1]), input[2], payload);
			case DATADOG_RUM -> rum(pick(rumTemplates, input[1]), input[2], payload);
			case NATIVE -> nativeBatch(input[1], input[2], payload);
			case DATADOG_LOGS -> rum(logs(pick(rumTemplates, input[1])), input[2], payload);
		};
		int status = send(request);
		EXECUTIONS.increment();
		STATUSES.computeIfAbsent(status, (s) -> new LongAdder()).increment();
		if (status >= 500) {
			throw new IllegalStateException("The intake answered " + status + " to " + request.describe());
		}
	}

	/**
	 * Print what was sent and answered; called once by the fuzzer at the end.
	 */
	public static void fuzzerTearDown() {
		Map<Integer, Long> statuses = new TreeMap<>();
		STATUSES.forEach((status, count) -> statuses.put(status, count.sum()));
		long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong((usage) -> usage.getUsed())
			.sum();
		System.out.printf(Locale.ROOT,
				"intake fuzzing: %d requests; answers by status %s; heap at most %.0f MB used of %.0f MB%n",
				EXECUTIONS.sum(), statuses, peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
		if (application != null) {
			application.close();
		}
	}

	static List<CapturedRequest> corpusRequests() {
		List<CapturedRequest> requests = new ArrayList<>();
		TestCorpus.browserRecordings().forEach((folder) -> requests.addAll(TestCorpus.browserRequests(folder)));
		TestCorpus.mobileRecordings().forEach((folder) -> requests.addAll(TestCorpus.mobileRequests(folder)));
		return requests.stream().filter((request) -> request.method().equals("POST")).toList();
	}

	private static Template pick(List<Template> templates, byte selector) {
		return templates.get(Math.floorMod(selector, templates.size()));
	}

	// mode 0: the first segment's JSON; 1: the first segment part's bytes; 2: the event
	// part; 3: the whole body; 4: the whole body, deflated
	private static Request replay(Template template, byte mode, byte[] payload) {
		Map<String, String> headers = new LinkedHashMap<>(template.headers());
		byte[] body;
		switch (Math.floorMod(mode, 5)) {
			case 0 -> body = template.withPart("segment", DatadogIntakeIntegrationTests.zlib(payload));
			case 1 -> body = template.withPart("segment", payload);
			case 2 -> body = template.withPart("event", payload);
			case 3 -> body = payload;
			default -> {
				body = DatadogIntakeIntegrationTests.zlib(payload);
				headers.put("Content-Encoding", "deflate");
			}
		}
		return new Request(template.pathAndQuery(), headers, body, template.name() + " mode " + mode);
	}

	// a RUM request of the corpus, sent to the logs track instead
	static Template logs(Template rum) {
		return new Template(rum.name() + " as logs",
				rum.pathAndQuery().replace("%2Fapi%2Fv2%2Frum", "%2Fapi%2Fv2%2Flogs"), rum.headers(), rum.body(), null,
				List.of());
	}

	// mode 0: the body as sent; 1: the body gzipped
	private static Request rum(Template template, byte mode, byte[] payload) {
		Map<String, String> headers = new LinkedHashMap<>(template.headers());
		byte[] body = payload;
		if (Math.floorMod(mode, 2) == 1) {
			body = NativeIntakeIntegrationTests.gzip(payload);
			headers.put("Content-Encoding", "gzip");
		}
		return new Request(template.pathAndQuery(), headers, body, template.name() + " mode " + mode);
	}

	// mode 0: gzipped JSON; 1: plain JSON; 2: the bytes as they are, announced as gzip
	private static Request nativeBatch(byte session, byte mode, byte[] payload) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Replay-Token", nativeToken);
		headers.put("Content-Type", "application/json");
		byte[] body = payload;
		switch (Math.floorMod(mode, 3)) {
			case 0 -> {
				body = NativeIntakeIntegrationTests.gzip(payload);
				headers.put("Content-Encoding", "gzip");
			}
			case 2 -> headers.put("Content-Encoding", "gzip");
			default -> {
			}
		}
		return new Request("/ingest/v1/sessions/fuzz-" + Math.floorMod(session, 16) + "/segments", headers, body,
				"native mode " + mode);
	}

	private static int send(Request request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
		request.headers().forEach(builder::header);
		try {
			return HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The intake dropped the connection of " + request.describe(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A corpus request, split into its multipart parts when it has them.
	 */
	record Template(String name, String pathAndQuery, Map<String, String> headers, byte[] body, String boundary,
			List<Part> parts) {

		static Template of(CapturedRequest request) {
			Map<String, String> headers = request.sentHeaders();
			String contentType = headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase("Content-Type"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			boolean encoded = headers.keySet().stream().anyMatch((name) -> name.equalsIgnoreCase("Content-Encoding"));
			if (contentType == null || !contentType.startsWith("multipart/") || encoded) {
				return new Template(request.name(), request.pathAndQuery(), headers, request.body(), null, List.of());
			}
			String boundary = MultipartBody.boundary(contentType);
			return new Template(request.name(), request.pathAndQuery(), headers, request.body(), boundary,
					MultipartBody.parse(request.body(), boundary));
		}

		// the body again, with the first part of the given name holding other bytes
		byte[] withPart(String name, byte[] content) {
			List<Part> replaced = new ArrayList<>();
			boolean done = false;
			for (Part part : this.parts) {
				if (!done && part.name().equals(name)) {
					replaced.add(new Part(part.name(), part.filename(), part.contentType(), content));
					done = true;
				}
				else {
					replaced.add(part);
				}
			}
			return body(replaced);
		}

		// the body again, once for each part with its name, file name or content type
		// holding a hostile text
		List<byte[]> withHostilePartHeaders() {
			List<String> texts = List.of("", "\u0000", "seg\u0000ment", "\u0001\u001f\u007f", "x".repeat(20_000), "\"",
					"\r\n");
			List<byte[]> bodies = new ArrayList<>();
			for (int i = 0; i < this.parts.size(); i++) {
				for (String text : texts) {
					for (int header = 0; header < 3; header++) {
						List<Part> changed = new ArrayList<>(this.parts);
						Part part = changed.get(i);
						changed.set(i, switch (header) {
							case 0 -> new Part(text, part.filename(), part.contentType(), part.content());
							case 1 -> new Part(part.name(), text, part.contentType(), part.content());
							default -> new Part(part.name(), part.filename(), text, part.content());
						});
						bodies.add(body(changed));
					}
				}
			}
			return bodies;
		}

		private byte[] body(List<Part> parts) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (Part part : parts) {
				out.writeBytes(("--" + this.boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
				String disposition = "Content-Disposition: form-data; name=\"" + part.name() + "\""
						+ ((part.filename() != null) ? "; filename=\"" + part.filename() + "\"" : "") + "\r\n";
				out.writeBytes(disposition.getBytes(StandardCharsets.UTF_8));
				if (part.contentType() != null) {
					out.writeBytes(("Content-Type: " + part.contentType() + "\r\n").getBytes(StandardCharsets.UTF_8));
				}
				out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
				out.writeBytes(part.content());
				out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			return out.toByteArray();
		}

	}

	record Request(String pathAndQuery, Map<String, String> headers, byte[] body, String description) {

		String describe() {
			return this.description + " (" + this.body.length + " bytes)";
		}

	}

}
