package dev.replay.core.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Inflater;

import dev.replay.core.compression.BoundedInflation;
import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.datadog.DatadogSegmentReader;
import dev.replay.core.rrweb.RecordingJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.core.JsonParser;

/**
 * Cost of the intake's check of a Datadog browser segment (inflate under a cap, then one
 * streaming pass over the JSON) over every segment the Datadog Browser SDK sent in the
 * test corpus, beside two baselines on the same bytes: inflating alone, and inflating
 * then walking every JSON token without looking at any.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmentValidationBenchmarks {

	private static final Path CORPUS = Path.of("..", "test-corpus", "datadog");

	private static final long MAX_INFLATED = 64L * 1024 * 1024;

	private List<byte[]> segments;

	@Setup(Level.Trial)
	public void load() throws IOException {
		this.segments = segments();
	}

	/** Inflate every segment and read nothing: the floor. */
	@Benchmark
	public long inflateOnly() throws IOException {
		long bytes = 0;
		byte[] buffer = new byte[16 * 1024];
		for (byte[] segment : this.segments) {
			try (InputStream in = BoundedInflation.open(segment, ContentEncoding.ZLIB, MAX_INFLATED)) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					bytes += n;
				}
			}
		}
		return bytes;
	}

	/** Inflate every segment with one reused zlib inflater into one reused buffer. */
	@Benchmark
	public long inflateReused() throws Exception {
		long bytes = 0;
		byte[] buffer = new byte[256 * 1024];
		Inflater inflater = new Inflater();
		for (byte[] segment : this.segments) {
			inflater.reset();
			inflater.setInput(segment);
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				bytes += n;
			}
		}
		inflater.end();
		return bytes;
	}

	/** Inflate every segment and walk its tokens with Jackson: the floor of a check. */
	@Benchmark
	public long inflateAndWalkTokens() throws IOException {
		long tokens = 0;
		for (byte[] segment : this.segments) {
			try (InputStream in = BoundedInflation.open(segment, ContentEncoding.ZLIB, MAX_INFLATED);
					JsonParser parser = RecordingJson.mapper().createParser(in)) {
				while (parser.nextToken() != null) {
					tokens++;
				}
			}
		}
		return tokens;
	}

	/** What the intake does with each segment. */
	@Benchmark
	public int validate() throws IOException {
		int records = 0;
		for (byte[] segment : this.segments) {
			try (InputStream in = BoundedInflation.open(segment, ContentEncoding.ZLIB, MAX_INFLATED)) {
				records += DatadogSegmentReader.read(in).segment().summary().eventCount();
			}
		}
		return records;
	}

	static List<byte[]> segments() throws IOException {
		List<byte[]> segments = new ArrayList<>();
		try (Stream<Path> files = Files.walk(CORPUS)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".segment.zlib"))
				.sorted()
				.toList()) {
				segments.add(Files.readAllBytes(file));
			}
		}
		return segments;
	}

	public static void main(String[] args) throws RunnerException, IOException {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(SegmentValidationBenchmarks.class.getSimpleName()).build())
			.run();
		List<byte[]> segments = segments();
		long compressed = segments.stream().mapToLong((segment) -> segment.length).sum();
		System.out.println();
		System.out.printf("%d corpus segments, %.1f kB compressed on average%n", segments.size(),
				compressed / 1e3 / segments.size());
		System.out.println("benchmark                 us/segment");
		for (RunResult result : results) {
			String name = result.getParams()
				.getBenchmark()
				.substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
			System.out.printf("%-24s %10.1f%n", name, result.getPrimaryResult().getScore() / segments.size());
		}
	}

}
