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
import dev.replay.ingest.testsupport.DatadogCorpus;

/**
 * Fuzzes the intake with Jazzer: writes seed inputs made from the corpus requests (and a
 * deflate bomb and deeply nested JSON) under {@code target/fuzz/seeds}, then runs
 * {@link IntakeFuzzTarget} for the number of inputs in the first argument. Any answer of
 * 500 or more, any dropped connection and any crash is a finding that fails the run.
 */
public final class IntakeFuzzing {

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
				"--instrumentation_includes=dev.replay.core.**:dev.replay.ingest.intake.**:dev.replay.ingest.storage.**:tools.jackson.core.**",
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
		for (var request : IntakeFuzzTarget.corpusRequests()) {
			Template template = Template.of(request);
			if (template.boundary() != null) {
				Part segment = template.parts()
					.stream()
					.filter((part) -> part.name().equals("segment"))
					.findFirst()
					.orElse(null);
				Part event = template.parts()
					.stream()
					.filter((part) -> part.name().equals("event"))
					.findFirst()
					.orElse(null);
				if (segment != null) {
					inputs.add(input(0, replay, 0, inflate(segment.content())));
					inputs.add(input(0, replay, 1, segment.content()));
				}
				if (event != null) {
					inputs.add(input(0, replay, 2, event.content()));
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
		for (int i = 0; i < inputs.size(); i++) {
			Files.write(seeds.resolve(String.format("seed-%04d", i)), inputs.get(i));
		}
	}

	private static String rrwebEvents() throws IOException {
		Path rrweb = DatadogCorpus.ROOT.resolve("rrweb");
		try (var folders = Files.list(rrweb)) {
			Path folder = folders.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
			return Files.readString(folder.resolve("requests").resolve("0002.body.json"));
		}
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
