package dev.replay.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.RrwebCorpus;
import dev.replay.TestcontainersConfiguration;
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
 * The erasure of a person with 100 indexed sessions (the rrweb corpus recordings, each
 * identified by the recorder as the person) among 20 sessions of someone else: the
 * time from the request to the erasure's completion as its status reports it, with the
 * job looking for work every 50 ms (5 s by default) and the default batch of 50. Prints
 * its figures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD,
				"replay.retention.enabled=false", "replay.timeline.quiet-period=1s", "replay.timeline.delay=300ms",
				"replay.erasure.interval=50ms",
				// the corpus recordings were made on fixed dates
				"replay.ingest.max-event-age=36500d" })
@Import(TestcontainersConfiguration.class)
class ErasureBenchmark {

	private static final int SESSIONS = 100;

	private static final int OTHER_SESSIONS = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eraseAPersonWithOneHundredSessions() throws Exception {
		ReplayClient client = new ReplayClient(this.port);
		JsonNode application = client.createApplication("erasure benchmark");
		String person = "person-" + UUID.randomUUID();
		List<String> pages = RrwebCorpus.pages();
		long segments = 0;
		String last = null;
		for (int i = 0; i < SESSIONS + OTHER_SESSIONS; i++) {
			String user = (i < SESSIONS) ? person : "someone-else";
			last = UUID.randomUUID().toString();
			segments += record(client, application, last, pages.get(i % pages.size()), user);
		}
		Indexing.awaitIndexed(this.jdbc, last);
		awaitAllIndexed();
		long keyframes = this.jdbc.sql("select count(*) from keyframe").query(Long.class).single();
		report("%d sessions (%d segments, %d keyframes), %d of them the person's", SESSIONS + OTHER_SESSIONS, segments,
				keyframes, SESSIONS);

		long start = System.nanoTime();
		HttpResponse<String> accepted = client.postJsonAsAdmin("/api/v1/erasures", Map.of("userId", person));
		assertThat(accepted.statusCode()).isEqualTo(202);
		long requested = System.nanoTime();
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode erasure;
		do {
			Thread.sleep(5);
			erasure = ReplayClient.json(client.getAsAdmin(location).body());
		}
		while (!erasure.path("status").asString().equals("completed"));
		long completed = System.nanoTime();
		assertThat(erasure.path("sessionsErased").asInt()).isEqualTo(SESSIONS);
		assertThat(this.jdbc.sql("select count(*) from replay_session").query(Long.class).single())
			.isEqualTo(OTHER_SESSIONS);
		report("request answered in %.0f ms; %d sessions erased in %d batches, completed %.0f ms after the request",
				(requested - start) / 1e6, erasure.path("sessionsErased").asInt(), erasure.path("batches").asInt(),
				(completed - start) / 1e6);
	}

	private void awaitAllIndexed() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (this.jdbc.sql("select count(*) from replay_session where indexed_version is distinct from updated_at")
			.query(Long.class)
			.single() > 0) {
			assertThat(System.nanoTime()).as("indexed in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static int record(ReplayClient client, JsonNode application, String sessionId, String page, String user)
			throws InterruptedException {
		int sequence = 0;
		for (ArrayNode events : RrwebCorpus.batches(page)) {
			ObjectNode batch = ReplayClient.mapper().createObjectNode();
			batch.put("applicationId", application.path("id").asString());
			batch.put("sequence", sequence++);
			batch.set("events", events);
			batch.putObject("context").putObject("user").put("id", user);
			byte[] body = ReplayClient.mapper().writeValueAsBytes(batch);
			HttpResponse<String> response = client.postSegment(sessionId, application.path("clientToken").asString(),
					body, null);
			// an overloaded intake asks to come back later, as the recorder does
			for (int attempt = 0; response.statusCode() == 503 && attempt < 20; attempt++) {
				Thread.sleep(1000);
				response = client.postSegment(sessionId, application.path("clientToken").asString(), body, null);
			}
			assertThat(response.statusCode()).isEqualTo(202);
		}
		return sequence;
	}

	private static void report(String format, Object... arguments) {
		System.out.println("[benchmark] " + String.format(format, arguments));
	}

}
