package dev.replay.benchmark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import dev.replay.ReplayClient;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;

/**
 * Where a tab's main thread spent its time, from Chromium's own performance timeline: the
 * trace events ChromeDriver collects into its performance log, each event's own time
 * (without the events nested in it) summed by kind, up to a user timing mark of the page.
 */
final class MainThreadTrace {

	private static final String CATEGORIES = String.join(",", "devtools.timeline", "blink.user_timing", "v8",
			"disabled-by-default-devtools.timeline", "disabled-by-default-v8.gc");

	private static final Map<String, String> KINDS = new LinkedHashMap<>();

	static {
		for (String name : List.of("v8.compile", "v8.compileModule", "V8.CompileCode", "v8.parseOnBackground",
				"V8.ScriptCompiler", "CompileScript", "CompileCode")) {
			KINDS.put(name, "script compile");
		}
		for (String name : List.of("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet",
				"ScheduleStyleRecalculation")) {
			KINDS.put(name, "style");
		}
		for (String name : List.of("Layout", "UpdateLayerTree", "IntersectionObserverController::computeIntersections",
				"HitTest")) {
			KINDS.put(name, "layout");
		}
		for (String name : List.of("Paint", "PrePaint", "Layerize", "Commit", "PaintImage", "Decode Image",
				"CompositeLayers", "UpdateLayer", "RasterTask", "ImageDecodeTask")) {
			KINDS.put(name, "paint");
		}
		for (String name : List.of("MinorGC", "MajorGC", "BlinkGC.AtomicPhase", "V8.GC_SCAVENGER", "V8.GCScavenger",
				"V8.GC_MARK_COMPACTOR", "V8.GCFinalizeMC", "BlinkGC.CompleteSweep", "V8.GCIncrementalMarking")) {
			KINDS.put(name, "garbage collection");
		}
		KINDS.put("ParseHTML", "HTML parse");
	}

	private MainThreadTrace() {
	}

	/**
	 * Add a performance log with the main thread's trace to a browser's options.
	 * @param options the options
	 */
	static void enable(ChromeOptions options) {
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setExperimentalOption("perfLoggingPrefs",
				Map.of("enableNetwork", false, "enablePage", false, "traceCategories", CATEGORIES));
	}

	/**
	 * Forget what the log holds so far.
	 * @param browser a browser started with {@link #enable}
	 */
	static void clear(ChromeDriver browser) {
		browser.manage().logs().get(LogType.PERFORMANCE);
	}

	/**
	 * The trace events the log holds since it was last read or cleared.
	 * @param browser a browser started with {@link #enable}
	 * @return the events
	 */
	static List<JsonNode> collect(ChromeDriver browser) {
		List<JsonNode> events = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = ReplayClient.json(entry.getMessage()).path("message");
			if ("Tracing.dataCollected".equals(message.path("method").asString())) {
				events.add(message.path("params"));
			}
		}
		return events;
	}

	/**
	 * The time of the main thread of the tab whose page set the user timing mark, from the
	 * page's time origin up to the mark, by kind.
	 * @param events the trace's events, from {@link #collect}
	 * @param mark the name of the mark
	 * @param markAt the mark's time in the page (ms since its time origin)
	 * @return milliseconds by kind, with "idle" for the time nothing ran on the thread
	 */
	static Map<String, Double> until(List<JsonNode> events, String mark, double markAt) {
		JsonNode marked = lastMark(events, mark);
		long end = marked.path("ts").asLong();
		return byKind(events, marked, end - Math.round(markAt * 1000), end);
	}

	/**
	 * The time of the main thread of the tab whose page set two user timing marks, between
	 * the last of each, by kind.
	 * @param events the trace's events, from {@link #collect}
	 * @param from the name of the first mark
	 * @param to the name of the second mark
	 * @return milliseconds by kind, with "idle" for the time nothing ran on the thread
	 */
	static Map<String, Double> between(List<JsonNode> events, String from, String to) {
		JsonNode marked = lastMark(events, to);
		return byKind(events, marked, lastMark(events, from).path("ts").asLong(), marked.path("ts").asLong());
	}

	private static JsonNode lastMark(List<JsonNode> events, String mark) {
		return events.stream()
			.filter((event) -> mark.equals(event.path("name").asString())
					&& event.path("cat").asString().contains("blink.user_timing"))
			.max(Comparator.comparingLong((event) -> event.path("ts").asLong()))
			.orElseThrow(() -> new IllegalStateException("No mark " + mark + " in the trace"));
	}

	// marks are set on the page's main thread
	private static Map<String, Double> byKind(List<JsonNode> events, JsonNode marked, long start, long end) {
		long pid = marked.path("pid").asLong();
		long tid = marked.path("tid").asLong();
		List<JsonNode> slices = events.stream()
			.filter((event) -> event.path("pid").asLong() == pid && event.path("tid").asLong() == tid
					&& "X".equals(event.path("ph").asString()) && event.path("ts").asLong() < end
					&& event.path("ts").asLong() + event.path("dur").asLong() > start)
			.sorted(Comparator.comparingLong((JsonNode event) -> event.path("ts").asLong())
				.thenComparing(Comparator.comparingLong((JsonNode event) -> event.path("dur").asLong()).reversed()))
			.toList();
		Map<String, Double> byKind = new LinkedHashMap<>();
		Deque<long[]> open = new ArrayDeque<>();
		Deque<String> openKinds = new ArrayDeque<>();
		long busy = 0;
		for (JsonNode slice : slices) {
			long from = Math.max(start, slice.path("ts").asLong());
			long to = Math.min(end, slice.path("ts").asLong() + slice.path("dur").asLong());
			while (!open.isEmpty() && open.peek()[1] <= from) {
				open.pop();
				openKinds.pop();
			}
			String kind = KINDS.getOrDefault(slice.path("name").asString(),
					openKinds.isEmpty() ? "script run and other tasks" : openKinds.peek());
			if (open.isEmpty()) {
				busy += to - from;
				byKind.merge(kind, (to - from) / 1000.0, Double::sum);
			}
			else {
				// a nested slice takes its time from the one it is in
				String outer = openKinds.peek();
				if (!outer.equals(kind)) {
					byKind.merge(outer, -(to - from) / 1000.0, Double::sum);
					byKind.merge(kind, (to - from) / 1000.0, Double::sum);
				}
			}
			open.push(new long[] { from, to });
			openKinds.push(kind);
		}
		byKind.put("idle (waiting for the network or timers)", (end - start - busy) / 1000.0);
		return byKind;
	}

}
