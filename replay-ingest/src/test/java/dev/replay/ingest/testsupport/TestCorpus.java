package dev.replay.ingest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recordings of the test corpus ({@code test-corpus/}), read the one way every test
 * reads them: the Datadog SDK requests, replayed byte for byte (browser recordings
 * captured through the SDK's {@code proxy} option, and mobile sessions), and the batches
 * rrweb's recorder posted.
 */
public final class TestCorpus {

	/** The corpus folder, relative to a module's directory. */
	public static final Path ROOT = Path.of("..", "test-corpus");

	/** The application of the browser recordings. */
	public static final UUID BROWSER_APPLICATION = UUID.fromString("4f6f3b7a-0c1e-4c7b-9a5e-2d8f1e6b9c01");

	/** The application of the mobile sessions. */
	public static final UUID MOBILE_APPLICATION = UUID.fromString("6f1c7f0e-9a3b-4c57-9d51-3b2a6e0c1a11");

	/** The client token of every recording. */
	public static final String CLIENT_TOKEN = "pub0123456789abcdef0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	// headers the HTTP client writes itself
	private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "connection", "content-length",
			"transfer-encoding", "expect", "upgrade", "keep-alive");

	private TestCorpus() {
	}

	/**
	 * The browser recording folders.
	 * @return the folder names, sorted
	 */
	public static List<String> browserRecordings() {
		return folders(ROOT.resolve("datadog"), false);
	}

	/**
	 * The mobile session folders, without {@code bad} and {@code fixtures}.
	 * @return the folder names, sorted
	 */
	public static List<String> mobileRecordings() {
		return folders(ROOT.resolve("mobile"), true);
	}

	/**
	 * The rrweb recording folders.
	 * @return the folder names, sorted
	 */
	public static List<String> rrwebRecordings() {
		return folders(ROOT.resolve("rrweb"), false);
	}

	/**
	 * The recordings of the corpus pages by both browser recorders.
	 * @return {@code rrweb/<folder>} for each rrweb recording, then
	 * {@code datadog/<folder>} for each Datadog browser recording, each sorted
	 */
	public static List<String> pageRecordings() {
		List<String> recordings = new ArrayList<>();
		rrwebRecordings().forEach((folder) -> recordings.add("rrweb/" + folder));
		browserRecordings().forEach((folder) -> recordings.add("datadog/" + folder));
		return recordings;
	}

	/**
	 * The requests of a browser recording, as sent to the proxy (the capture sink's path
	 * replaced by {@code /intake}).
	 * @param folder the recording folder
	 * @return the requests in the order they were sent
	 */
	public static List<CapturedRequest> browserRequests(String folder) {
		List<CapturedRequest> requests = new ArrayList<>();
		Path directory = ROOT.resolve("datadog").resolve(folder).resolve("requests");
		for (Path file : requestFiles(directory)) {
			JsonNode request = read(file);
			String url = request.path("url").asString();
			String pathAndQuery = "/intake" + url.substring(url.indexOf('?'));
			List<String> headers = new ArrayList<>();
			JsonNode raw = request.path("rawHeaders");
			for (int i = 0; i + 1 < raw.size(); i += 2) {
				headers.add(raw.get(i).asString());
				headers.add(raw.get(i + 1).asString());
			}
			requests.add(new CapturedRequest(folder + "/" + file.getFileName(), request.path("method").asString(),
					pathAndQuery, headers, bytes(directory.resolve(request.path("bodyFile").asString())), 202));
		}
		return requests;
	}

	/**
	 * The requests of a mobile session folder (or {@code bad}).
	 * @param folder the folder
	 * @return the requests in the order they were sent, with the status each expects
	 */
	public static List<CapturedRequest> mobileRequests(String folder) {
		List<CapturedRequest> requests = new ArrayList<>();
		Path directory = ROOT.resolve("mobile").resolve(folder);
		for (Path file : requestFiles(directory)) {
			JsonNode request = read(file);
			List<String> headers = new ArrayList<>();
			for (Map.Entry<String, JsonNode> header : request.path("headers").properties()) {
				headers.add(header.getKey());
				headers.add(header.getValue().asString());
			}
			requests.add(new CapturedRequest(folder + "/" + file.getFileName(), request.path("method").asString(),
					request.path("path").asString(), headers,
					bytes(directory.resolve(request.path("bodyFile").asString())),
					request.path("expect").path("status").asInt()));
		}
		return requests;
	}

	/**
	 * The session id of a browser recording.
	 * @param folder the recording folder
	 * @return the Datadog {@code session.id}
	 */
	public static String browserSessionId(String folder) {
		Path directory = ROOT.resolve("datadog").resolve(folder).resolve("requests");
		try (Stream<Path> files = Files.list(directory)) {
			Path event = files.filter((file) -> file.getFileName().toString().endsWith(".event.json"))
				.sorted()
				.findFirst()
				.orElseThrow();
			return read(event).path("session").path("id").asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The session id of a mobile session folder.
	 * @param folder the folder
	 * @return the Datadog {@code session.id}
	 */
	public static String mobileSessionId(String folder) {
		return manifest(ROOT.resolve("mobile").resolve(folder)).path("sessionId").asString();
	}

	/**
	 * A browser recording's manifest.
	 * @param folder the recording folder
	 * @return the manifest
	 */
	public static JsonNode browserManifest(String folder) {
		return manifest(ROOT.resolve("datadog").resolve(folder));
	}

	/**
	 * A file of a browser recording's requests, such as the inflated segment of an upload
	 * ({@code 0001.segment.json}) or its metadata ({@code 0001.event.json}).
	 * @param folder the recording folder
	 * @param file the file's name
	 * @return its text
	 */
	public static String browserFile(String folder, String file) {
		try {
			return Files.readString(ROOT.resolve("datadog").resolve(folder).resolve("requests").resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The event arrays rrweb's recorder posted, in the order it posted them.
	 * @param folder the recording folder
	 * @return the body of each batch, a JSON array of events
	 */
	public static List<byte[]> rrwebBatches(String folder) {
		List<byte[]> batches = new ArrayList<>();
		Path directory = ROOT.resolve("rrweb").resolve(folder).resolve("requests");
		for (Path file : requestFiles(directory)) {
			JsonNode request = read(file);
			if (request.path("method").asString().equals("POST") && !request.path("bodyFile").isMissingNode()) {
				batches.add(bytes(directory.resolve(request.path("bodyFile").asString())));
			}
		}
		return batches;
	}

	/**
	 * A page recording's manifest.
	 * @param recording the recording as {@link #pageRecordings()} names it
	 * @return the manifest
	 */
	public static JsonNode manifest(String recording) {
		return manifest(ROOT.resolve(recording));
	}

	/**
	 * An rrweb recording's manifest.
	 * @param folder the recording folder
	 * @return the manifest
	 */
	public static JsonNode rrwebManifest(String folder) {
		return manifest(ROOT.resolve("rrweb").resolve(folder));
	}

	/**
	 * Send a captured request as it was sent: method, path and query, headers (but those
	 * the HTTP client writes itself) and body bytes.
	 * @param base the server's base URI, such as {@code http://localhost:8080}
	 * @param request the request
	 * @return the response
	 */
	public static HttpResponse<String> send(String base, CapturedRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
			.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
		request.sentHeaders().forEach(builder::header);
		try {
			return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> folders(Path root, boolean skipSpecial) {
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(Files::isDirectory)
				.map((folder) -> folder.getFileName().toString())
				.filter((name) -> !skipSpecial || !(name.equals("bad") || name.equals("fixtures")))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> requestFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().matches("\\d{4}\\.request\\.json"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode manifest(Path folder) {
		return read(folder.resolve("manifest.json"));
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A request as a client sent it.
	 *
	 * @param name the folder and file it comes from
	 * @param method the HTTP method
	 * @param pathAndQuery the request-line target
	 * @param headers header names and values, alternating, in wire order
	 * @param body the body bytes
	 * @param expectedStatus the status a correct server answers
	 */
	public record CapturedRequest(String name, String method, String pathAndQuery, List<String> headers, byte[] body,
			int expectedStatus) {

		/**
		 * The headers to send again: all but those an HTTP client writes itself.
		 * @return names and values in wire order
		 */
		public Map<String, String> sentHeaders() {
			Map<String, String> sent = new LinkedHashMap<>();
			for (Iterator<String> names = this.headers.iterator(); names.hasNext();) {
				String name = names.next();
				String value = names.next();
				if (!TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					sent.put(name, value);
				}
			}
			return sent;
		}

		/**
		 * The value of a header.
		 * @param name its name, in any case
		 * @return its value, or an empty string when the request has none
		 */
		public String header(String name) {
			for (int i = 0; i + 1 < this.headers.size(); i += 2) {
				if (this.headers.get(i).equalsIgnoreCase(name)) {
					return this.headers.get(i + 1);
				}
			}
			return "";
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
