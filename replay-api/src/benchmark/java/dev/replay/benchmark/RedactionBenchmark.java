package dev.replay.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.replay.ReplayClient;
import dev.replay.RrwebCorpus;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.timeline.SessionIndexer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redacting 1,000 stored sessions with one application-wide rule: the request that adds
 * the rule (store it, mark the sessions for indexing again, audit), then the rebuild of
 * every session's keyframes, summary and recorded RUM events, done here by calling the
 * indexer for each session in turn as the background job would. Each session is the
 * corpus's errors page recorded by rrweb (seven batches). Prints its figures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD,
				"replay.timeline.enabled=false", "replay.retention.enabled=false",
				"replay.ingest.max-event-age=36500d" })
@Import(TestcontainersConfiguration.class)
class RedactionBenchmark {

	private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 1000);

	private static final String PAGE = "errors-console";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionIndexer indexer;

	@Test
	void applicationRuleOverAThousandSessions() throws Exception {
		ReplayClient client = new ReplayClient(this.port);
		JsonNode application = client.createApplication("redaction benchmark");
		String applicationId = application.path("id").asString();
		List<byte[]> batches = batches(applicationId);
		List<String> sessions = new ArrayList<>();
		long ingestStart = System.nanoTime();
		for (int i = 0; i < SESSIONS; i++) {
			String sessionId = UUID.randomUUID().toString();
			for (byte[] batch : batches) {
				int status = client.postSegment(sessionId, application.path("clientToken").asString(), batch, "gzip")
					.statusCode();
				assertThat(status).isEqualTo(202);
			}
			sessions.add(sessionId);
		}
		report("%d sessions of %d batches stored in %.1f s", SESSIONS, batches.size(),
				(System.nanoTime() - ingestStart) / 1e9);
		long indexStart = System.nanoTime();
		sessions.forEach(this.indexer::index);
		report("first indexing of the %d sessions: %.1f s", SESSIONS, (System.nanoTime() - indexStart) / 1e9);

		long ruleStart = System.nanoTime();
		HttpResponse<String> rule = client.postJsonAsAdmin("/api/v1/redactions",
				Map.of("applicationId", applicationId, "text", "7f3a9c", "selector", "#log"));
		long ruleNanos = System.nanoTime() - ruleStart;
		assertThat(rule.statusCode()).isEqualTo(201);
		report("rule added and %d sessions marked for a rebuild in %.1f ms (from then on every read is redacted)",
				SESSIONS, Figures.millis(ruleNanos));
		long rebuildStart = System.nanoTime();
		int rebuilt = 0;
		for (String sessionId : sessions) {
			rebuilt += this.indexer.index(sessionId) ? 1 : 0;
		}
		long rebuildNanos = System.nanoTime() - rebuildStart;
		assertThat(rebuilt).isEqualTo(SESSIONS);
		report("keyframes, summaries and recorded RUM events of %d sessions rebuilt in %.1f s (%.1f ms a session)",
				rebuilt, rebuildNanos / 1e9, Figures.millis(rebuildNanos) / rebuilt);
		report("time to redact %d stored sessions: %.1f s", SESSIONS, (ruleNanos + rebuildNanos) / 1e9);
		String events = client.getAsAdmin("/api/v1/sessions/" + sessions.get(SESSIONS / 2) + "/events").body();
		assertThat(events).doesNotContain("7f3a9c", "wrote 3 console messages");
	}

	private static List<byte[]> batches(String applicationId) throws IOException {
		List<byte[]> bodies = new ArrayList<>();
		int sequence = 0;
		for (ArrayNode events : RrwebCorpus.batches(PAGE)) {
			ObjectNode batch = ReplayClient.mapper().createObjectNode();
			batch.put("applicationId", applicationId);
			batch.put("sequence", sequence++);
			batch.set("events", events);
			batch.putObject("context").put("url", RrwebCorpus.manifest(PAGE).path("pageUrl").asString());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(ReplayClient.mapper().writeValueAsBytes(batch));
			}
			bodies.add(out.toByteArray());
		}
		return bodies;
	}

	private static void report(String format, Object... arguments) {
		System.out.println("[benchmark] " + String.format(format, arguments));
	}

}
