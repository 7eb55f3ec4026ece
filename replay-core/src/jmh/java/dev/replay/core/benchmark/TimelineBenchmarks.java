package dev.replay.core.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.replay.core.asset.AssetScanner;
import dev.replay.core.dom.PageState;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.PageEvents;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.TimelineIndexer;
import dev.replay.core.timeline.TimelineSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Throughput of the one pass that turns a session's events into keyframes and a timeline
 * summary, of finding the assets they reference, and of writing one keyframe, over the
 * rrweb recordings of the test corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimelineBenchmarks {

	private static final Path CORPUS = Path.of("..", "test-corpus", "rrweb");

	@Param({ "css-animation", "dashboard", "form-inputs", "long-article" })
	public String page;

	private List<RawEvent> events;

	private PageState finalState;

	@Setup(Level.Trial)
	public void load() throws IOException {
		this.events = events(this.page);
		this.finalState = new PageState();
		this.events.forEach((event) -> PageEvents.apply(this.finalState, RrwebKeyframeCodec.INSTANCE.decode(event)));
	}

	/**
	 * Index the whole session with a keyframe every 2 s, far denser than in production, so
	 * that writing keyframes weighs in the figure.
	 */
	@Benchmark
	public TimelineSummary indexSession(Blackhole keyframes) {
		TimelineIndexer indexer = new TimelineIndexer(new KeyframePolicy(2000, 5000), RrwebKeyframeCodec.INSTANCE,
				keyframes::consume);
		this.events.forEach(indexer::accept);
		return indexer.finish();
	}

	/**
	 * Find the assets the session references, as the indexer does beside the keyframes.
	 */
	@Benchmark
	public int scanAssets() {
		AssetScanner scanner = new AssetScanner();
		this.events.forEach((event) -> scanner.scan(event.json()));
		return scanner.references().size();
	}

	@Benchmark
	public List<RawEvent> writeKeyframe() {
		return RrwebKeyframeCodec.INSTANCE.encode(this.finalState.snapshot(), 0);
	}

	static List<RawEvent> events(String page) throws IOException {
		JsonNode manifest = RecordingJson.mapper().readTree(Files.readAllBytes(CORPUS.resolve(page).resolve("manifest.json")));
		List<RawEvent> events = new ArrayList<>();
		for (JsonNode batch : manifest.path("batches")) {
			JsonNode body = RecordingJson.mapper()
				.readTree(Files.readAllBytes(CORPUS.resolve(page).resolve(batch.path("bodyFile").asString())));
			body.forEach((event) -> events.add(RrwebEventReader.toRawEvent(event)));
		}
		return events;
	}

	public static void main(String[] args) throws RunnerException, IOException {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(TimelineBenchmarks.class.getSimpleName()).build())
			.run();
		System.out.println();
		System.out.println("page             benchmark       events/s      MB/s   keyframe bytes");
		for (RunResult result : results) {
			String page = result.getParams().getParam("page");
			List<RawEvent> events = events(page);
			long bytes = events.stream().mapToLong((event) -> event.json().length).sum();
			double perSecond = result.getPrimaryResult().getScore();
			String name = result.getParams().getBenchmark().substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
			if (name.equals("indexSession") || name.equals("scanAssets")) {
				System.out.printf("%-16s %-14s %10.0f %9.1f%n", page, name, perSecond * events.size(),
						perSecond * bytes / 1e6);
			}
			else {
				PageState state = new PageState();
				events.forEach((event) -> PageEvents.apply(state, RrwebKeyframeCodec.INSTANCE.decode(event)));
				long size = RrwebKeyframeCodec.INSTANCE.encode(state.snapshot(), 0)
					.stream()
					.mapToLong((event) -> event.json().length)
					.sum();
				System.out.printf("%-16s %-14s %10.0f keyframes/s %16d%n", page, name, perSecond, size);
			}
		}
	}

}
