package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;

import com.code_intelligence.jazzer.Jazzer;
import dev.replay.ingest.intake.IntakeFuzzTarget.Template;
import dev.replay.ingest.intake.MultipartBody.Part;
import dev.replay.ingest.testsupport.TestCorpus;

/**
 * Fuzzes the intake with Jazzer: writes seed inputs made from the corpus requests (and a
 * deflate bomb and deeply nested JSON) under {@code target/fuzz/seeds}, then runs
 * {@link IntakeFuzzTarget} for the number of inputs in the first argument. Any answer of
 * 500 or more, any dropped connection and any crash is a finding that fails the run.
 */
public final class IntakeFuzzing {

	// a log line as the browser SDK sends it, for the logs track
	private static final String LOG_LINE = "{\"date\":1795731310734,\"message\":\"boom\",\"status\":\"error\","
			+ "\"service\":\"shop\",\"origin\":\"console\",\"session_id\":\"5c3a1f05-14be-4012-9b69-982c5bb57f6f\","
			+ "\"application_id\":\"" + TestCorpus.BROWSER_APPLICATION + "\",\"session\":{\"id\":\"s-1\"},"
			+ "\"view\":{\"url\":\"http://shop/\",\"referrer\":\"\"},\"usr\":{\"id\":\"u1\",\"name\":\"Ann\"},"
			+ "\"error\":{\"stack\":\"Error: boom\\n at x\",\"kind\":\"Error\"},\"ddtags\":\"env:prod\"}";

	private IntakeFuzzing() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		long runs = Long.parseLong(args[0]);
		Path work = Path.of("target", "fuzz");
		Path seeds = work.resolve("seeds");
		Path corpus = work.resolve("corpus");
		Files.createDirectories(seeds);
		Files.createDirectories(corpus);
		Files.createDirectories(work.resolve("findings"));
		writeSeeds(seeds);
		Jazzer.main(new String[] { "--target_class=" + IntakeFuzzTarget.class.getName(),
				"--instrumentation_includes=dev.replay.core.**:dev.replay.ingest.intake.**:dev.replay.ingest.segment.**:dev.replay.ingest.application.**:dev.replay.ingest.rum.**:dev.replay.ingest.resource.**:tools.jackson.core.**",
				"--instrumentation_excludes=dev.replay.ingest.intake.IntakeFuzz*",
				"--custom_hook_includes=dev.replay.core.**:dev.replay.ingest.intake.**",
				"--custom_hook_excludes=dev.replay.ingest.intake.IntakeFuzz*",
				// the target talks to its own server and database over the network by
				// design
				"--disabled_hooks=com.code_intelligence.jazzer.sanitizers.ServerSideRequestForgery",
				"--reproducer_path=" + work.resolve("findings"), "-runs=" + runs, "-max_len=1048576",
				"-rss_limit_mb=4096", "-timeout=60", "-print_final_stats=1",
				"-artifact_prefix=" + work.resolve("findings") + "/", corpus.toString(), seeds.toString() });
	}

	private static void writeSeeds(Path seeds) throws IOException {
		List<byte[]> inputs = new ArrayList<>();
		int replay = 0;
		int rum = 0;
		int browserTemplate = -1;
		int mobileTemplate = -1;
		for (var request : IntakeFuzzTarget.corpusRequests()) {
			Template template = Template.of(request);
			if (template.boundary() != null) {
				Part segment = part(template, "segment");
				Part event = part(template, "event");
				if (segment != null) {
					inputs.add(input(0, replay, 0, inflate(segment.content())));
					inputs.add(input(0, replay, 1, segment.content()));
				}
				if (event != null) {
					inputs.add(input(0, replay, 2, event.content()));
					boolean mobile = event.content().length > 0 && event.content()[0] == '[';
					if (segment != null && mobile && mobileTemplate < 0) {
						mobileTemplate = replay;
					}
					else if (segment != null && !mobile && browserTemplate < 0) {
						browserTemplate = replay;
					}
				}
				inputs.add(input(0, replay, 3, template.body()));
				replay++;
			}
			else if (request.pathAndQuery().contains("rum")) {
				inputs.add(input(1, rum++, 0, template.body()));
			}
		}
		String batch = "{\"applicationId\":\"" + IntakeFuzzTarget.NATIVE_APPLICATION + "\",\"sequence\":0,\"events\":"
				+ rrwebEvents() + "}";
		inputs.add(input(2, 0, 1, batch.getBytes(StandardCharsets.UTF_8)));
		inputs.add(input(0, 0, 0, nested("{\"records\":", 200_000)));
		inputs.add(input(2, 0, 1, nested("{\"events\":", 200_000)));
		inputs.add(input(0, 0, 1, DatadogIntakeIntegrationTests.zlib(new byte[64 * 1024 * 1024])));
		int plain = inputs.size();
		hostileFields(inputs, browserTemplate, mobileTemplate);
		System.out.printf("intake fuzzing: %d seeds, %d of them with one field of a request hostile%n", inputs.size(),
				inputs.size() - plain);
		for (int i = 0; i < inputs.size(); i++) {
			Files.write(seeds.resolve(String.format("seed-%05d", i)), inputs.get(i));
		}
	}

	// every field of every format holding each hostile value, one at a time
	private static void hostileFields(List<byte[]> inputs, int browserTemplate, int mobileTemplate) throws IOException {
		List<Template> replays = IntakeFuzzTarget.corpusRequests()
			.stream()
			.map(Template::of)
			.filter((template) -> template.boundary() != null)
			.toList();
		for (int index : List.of(browserTemplate, mobileTemplate)) {
			if (index < 0) {
				continue;
			}
			Template template = replays.get(index);
			String segment = new String(inflate(part(template, "segment").content()), StandardCharsets.UTF_8);
			HostileValues.variants(segment).forEach((json) -> inputs.add(input(0, index, 0, json)));
			String event = new String(part(template, "event").content(), StandardCharsets.UTF_8);
			HostileValues.variants(event).forEach((json) -> inputs.add(input(0, index, 2, json)));
			for (byte[] body : template.withHostilePartHeaders()) {
				inputs.add(input(0, index, 3, body));
			}
		}
		String rum = IntakeFuzzTarget.corpusRequests()
			.stream()
			.filter((request) -> request.pathAndQuery().contains("rum"))
			.map((request) -> new String(request.body(), StandardCharsets.UTF_8))
			.findFirst()
			.orElseThrow();
		String firstLine = rum.lines().findFirst().orElseThrow();
		String otherLines = rum.substring(firstLine.length());
		HostileValues.variants(firstLine)
			.forEach((json) -> inputs.add(input(1, 0, 0,
					(new String(json, StandardCharsets.UTF_8) + otherLines).getBytes(StandardCharsets.UTF_8))));
		HostileValues.variants(LOG_LINE).forEach((json) -> inputs.add(input(3, 0, 0, json)));
		String context = "{\"url\":\"http://shop/\",\"userAgent\":\"UA\",\"user\":{\"id\":\"u1\",\"name\":\"Ann\","
				+ "\"email\":\"a@x\"}}";
		String events = "[{\"type\":4,\"timestamp\":1795731280660,\"data\":{\"href\":\"http://shop/\",\"width\":800,"
				+ "\"height\":600}},{\"type\":3,\"timestamp\":1795731280700,\"data\":{\"source\":1,\"positions\":[]}}]";
		String nativeBatch = "{\"applicationId\":\"" + IntakeFuzzTarget.NATIVE_APPLICATION
				+ "\",\"sequence\":0,\"viewId\":\"v1\",\"context\":" + context + ",\"events\":" + events + "}";
		HostileValues.variants(nativeBatch).forEach((json) -> inputs.add(input(2, 1, 1, json)));
	}

	private static Part part(Template template, String name) {
		return template.parts().stream().filter((part) -> part.name().equals(name)).findFirst().orElse(null);
	}

	// the first batch of the first rrweb recording
	private static String rrwebEvents() {
		byte[] events = TestCorpus.rrwebBatches(TestCorpus.rrwebRecordings().get(0)).get(0);
		return new String(events, StandardCharsets.UTF_8);
	}

	private static byte[] nested(String prefix, int depth) {
		return (prefix + "[".repeat(depth)).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] input(int format, int template, int mode, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(format);
		out.write(template);
		out.write(mode);
		out.writeBytes(payload);
		return out.toByteArray();
	}

	private static byte[] inflate(byte[] zlib) throws IOException {
		try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(zlib))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			return zlib;
		}
	}

}
