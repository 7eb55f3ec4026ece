package dev.replay.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The peak memory of a browser tab: its JavaScript heap as Chromium reports it (DevTools
 * Protocol {@code Performance.getMetrics}, sampled when asked), and the resident memory of
 * the largest renderer process the benchmark started (from {@code /proc}, sampled every
 * 20 ms while open), which holds the tab's heap, its DOM, its layout and the code.
 */
final class TabMemory implements AutoCloseable {

	private final ChromeDriver browser;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long maxRendererBytes;

	private volatile long maxRenderers;

	private double maxHeapBytes;

	private double maxNodes;

	TabMemory(ChromeDriver browser) {
		this.browser = browser;
		this.thread = new Thread(() -> {
			while (this.running) {
				List<ProcessHandle> renderers = renderers();
				this.maxRenderers = Math.max(this.maxRenderers, renderers.size());
				this.maxRendererBytes = Math.max(this.maxRendererBytes,
						renderers.stream().mapToLong(TabMemory::residentBytes).max().orElse(0));
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Sample the tab's JavaScript heap and DOM nodes.
	 */
	@SuppressWarnings("unchecked")
	void sampleHeap() {
		Map<String, Object> answer = this.browser.executeCdpCommand("Performance.getMetrics", Map.of());
		for (Object metric : (Iterable<Object>) answer.get("metrics")) {
			Map<String, Object> entry = (Map<String, Object>) metric;
			double value = ((Number) entry.get("value")).doubleValue();
			switch ((String) entry.get("name")) {
				case "JSHeapTotalSize" -> this.maxHeapBytes = Math.max(this.maxHeapBytes, value);
				case "Nodes" -> this.maxNodes = Math.max(this.maxNodes, value);
				default -> {
				}
			}
		}
	}

	/**
	 * What of the tab's memory garbage collection gives back: its DOM nodes and JavaScript
	 * heap once Chromium has collected garbage (the pages of replaced replayers among it).
	 * @return the figures, in words
	 */
	@SuppressWarnings("unchecked")
	String afterGarbageCollection() {
		this.browser.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
		double heap = 0;
		double nodes = 0;
		Map<String, Object> answer = this.browser.executeCdpCommand("Performance.getMetrics", Map.of());
		for (Object metric : (Iterable<Object>) answer.get("metrics")) {
			Map<String, Object> entry = (Map<String, Object>) metric;
			double value = ((Number) entry.get("value")).doubleValue();
			switch ((String) entry.get("name")) {
				case "JSHeapUsedSize" -> heap = value;
				case "Nodes" -> nodes = value;
				default -> {
				}
			}
		}
		return String.format("%.0f DOM nodes and %.0f MB of JavaScript heap in use", nodes, heap / 1e6);
	}

	String describe() {
		return String.format("peak JavaScript heap %.0f MB (%.0f DOM nodes), peak resident memory of the renderer "
				+ "process %.0f MB (the largest of %d)", this.maxHeapBytes / 1e6, this.maxNodes,
				this.maxRendererBytes / 1e6, this.maxRenderers);
	}

	// Chromium's renderers are forked from its zygote, which rewrites their command line in
	// place (one string, not one argument each): read it from /proc rather than through
	// ProcessHandle.Info, which may not have it.
	private static List<ProcessHandle> renderers() {
		return ProcessHandle.current()
			.descendants()
			.filter((process) -> commandLine(process).contains("--type=renderer"))
			.toList();
	}

	private static String commandLine(ProcessHandle process) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
					StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static long residentBytes(ProcessHandle process) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
