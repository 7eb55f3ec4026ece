package dev.replay.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that goes away in the middle of a download (the player closed, a download
 * cancelled) is no error of ours: it is logged at debug level, never as an error. Sent
 * over a plain socket, as a browser asks (gzip), that is reset after the response's first
 * bytes while the server still has megabytes to write.
 */
@ReplayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortIntegrationTests {

	// ours, and Spring's, which names a client that went away at debug level
	private static final List<String> LOGGERS = List.of(ProblemDetailsAdvice.class.getName(),
			"org.springframework.web.servlet.handler.DisconnectedClient");

	private static final int SEGMENTS = 4;

	private static final int EVENTS_PER_SEGMENT = 300;

	private static final int TEXT_SIZE = 10_000;

	@LocalServerPort
	int port;

	ReplayClient client;

	@BeforeEach
	void logDisconnects() {
		for (String logger : LOGGERS) {
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, LogLevel.DEBUG);
		}
	}

	@AfterEach
	void logAsBefore() {
		for (String logger : LOGGERS) {
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, null);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "events", "export" })
	void clientGoingAwayMidDownloadIsNoError(String download, CapturedOutput output, TestSessions sessions)
			throws Exception {
		String sessionId = largeSession(sessions);
		int before = output.getAll().length();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setReceiveBufferSize(4096);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/v1/sessions/" + sessionId + "/" + download + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept-Encoding: gzip, deflate, br\r\n" + "Authorization: " + ReplayClient.ADMIN_BASIC
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String head = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
			assertThat(head).startsWith("HTTP/1.1 200");
			// reset, not a graceful close: the server's next write fails
			socket.setSoLinger(true, 0);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!output.getAll().substring(before).contains("gone away")
				&& !output.getAll().substring(before).contains("went away")) {
			assertThat(output.getAll().substring(before)).doesNotContain("Unexpected error");
			assertThat(System.nanoTime()).as("the abort handled within 30 s").isLessThan(deadline);
			Thread.sleep(100);
		}
		String logged = output.getAll().substring(before);
		assertThat(logged).doesNotContain("Unexpected error").doesNotContain(" ERROR ");
	}

	@Test
	void downloadReadToTheEndIsWhole(TestSessions sessions) throws Exception {
		String sessionId = largeSession(sessions);
		String events = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body();
		assertThat(events.length()).isGreaterThan(EVENTS_PER_SEGMENT * SEGMENTS * TEXT_SIZE);
		assertThat(events).endsWith("]");
	}

	// about 12 MB of events: more than the socket buffers on both sides hold
	private String largeSession(TestSessions sessions) throws IOException {
		String sessionId = UUID.randomUUID().toString();
		long t0 = System.currentTimeMillis() - 60_000;
		String text = "x".repeat(TEXT_SIZE);
		for (int sequence = 0; sequence < SEGMENTS; sequence++) {
			List<Map<String, Object>> events = new ArrayList<>();
			if (sequence == 0) {
				events.add(Map.of("type", 4, "timestamp", t0, "data",
						Map.of("href", "https://shop.example/", "width", 800, "height", 600)));
				events.add(Map.of("type", 2, "timestamp", t0, "data",
						Map.of("node", page(), "initialOffset", Map.of("left", 0, "top", 0))));
			}
			for (int i = 0; i < EVENTS_PER_SEGMENT; i++) {
				int n = sequence * EVENTS_PER_SEGMENT + i;
				Map<String, Object> add = new LinkedHashMap<>();
				add.put("parentId", 5);
				add.put("nextId", null);
				add.put("node", Map.of("type", 3, "textContent", text, "id", 100 + n));
				events.add(Map.of("type", 3, "timestamp", t0 + 10 + n, "data", Map.of("source", 0, "texts", List.of(),
						"attributes", List.of(), "removes", List.of(), "adds", List.of(add))));
			}
			Map<String, Object> body = Map.of("applicationId", sessions.applicationId().toString(), "sequence",
					sequence, "events", events);
			ByteArrayOutputStream compressed = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
				gzip.write(ReplayClient.mapper().writeValueAsBytes(body));
			}
			assertThat(this.client.postSegment(sessionId, sessions.clientToken(), compressed.toByteArray(), "gzip")
				.statusCode()).isEqualTo(202);
		}
		return sessionId;
	}

	// <html><head></head><body></body></html>, the body's id 5
	private static Map<String, Object> page() {
		Map<String, Object> body = Map.of("type", 2, "tagName", "body", "attributes", Map.of(), "childNodes", List.of(),
				"id", 5);
		Map<String, Object> head = Map.of("type", 2, "tagName", "head", "attributes", Map.of(), "childNodes", List.of(),
				"id", 4);
		Map<String, Object> html = Map.of("type", 2, "tagName", "html", "attributes", Map.of(), "childNodes",
				List.of(head, body), "id", 3);
		return Map.of("type", 0, "childNodes",
				List.of(Map.of("type", 1, "name", "html", "publicId", "", "systemId", "", "id", 2), html), "id", 1);
	}

}
