package dev.replay.ingest.timeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.segment.IntakeActivity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline indexer leaves the cores to a busy intake and catches up once it is quiet,
 * and sessions it cannot index do not hold up the others.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "replay.timeline.yield-above=50")
@Import(TestcontainersConfiguration.class)
class TimelineIndexingJobIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationRegistry registry;

	@Autowired
	IntakeActivity activity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void waitsWhileTheIntakeIsBusyAndIndexesAfterwards() throws Exception {
		CreatedApplication app = this.registry.createApplication("yield test", null);
		String sessionId = UUID.randomUUID().toString();
		Thread busy = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.activity.committed(20);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		busy.start();
		try {
			while (this.activity.segmentsLastSecond() <= 50) {
				Thread.sleep(50);
			}
			assertThat(upload(app, sessionId).statusCode()).isEqualTo(202);
			// quiet period 1 s and passes every 300 ms: an idle intake would have it
			// indexed by now
			Thread.sleep(3000);
			assertThat(this.activity.segmentsLastSecond()).isGreaterThan(50);
			assertThat(indexed(sessionId)).isFalse();
		}
		finally {
			busy.interrupt();
			busy.join();
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (!indexed(sessionId) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(indexed(sessionId)).isTrue();
	}

	@Test
	void passesOverSessionsThatCannotBeIndexed() throws Exception {
		CreatedApplication app = this.registry.createApplication("broken sessions", null);
		// more unreadable sessions than one pass takes, older than any other
		this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at, updated_at)
				select 'broken-' || i, ?, 'browser', now() - interval '2 days', now() - interval '2 days',
				       now() - interval '2 days'
				from generate_series(1, 30) i""").param(app.application().id()).update();
		this.jdbc.sql("""
				insert into segment (session_number, dedup_hash, format, encoding, first_event_at, last_event_at, body)
				select number, 0, 'rrweb', 'identity', started_at, ended_at, 'no json'::bytea
				from replay_session where id like 'broken-%'""").update();
		String sessionId = UUID.randomUUID().toString();
		assertThat(upload(app, sessionId).statusCode()).isEqualTo(202);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!indexed(sessionId) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(indexed(sessionId)).isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from replay_session
				where id like 'broken-%' and indexed_version = updated_at and indexed_at is null""")
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	private boolean indexed(String sessionId) {
		return this.jdbc.sql("select indexed_at is not null from replay_session where id = ?")
			.param(sessionId)
			.query(Boolean.class)
			.single();
	}

	private HttpResponse<String> upload(CreatedApplication app, String sessionId)
			throws IOException, InterruptedException {
		String batch = """
				{"applicationId":"%s","sequence":0,"events":[{"type":4,"timestamp":1795731280660,"data":{"href":"http://a/","width":800,"height":600}},
				{"type":3,"timestamp":1795731280700,"data":{"source":1,"positions":[]}}]}"""
			.formatted(app.application().id());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/ingest/v1/sessions/" + sessionId + "/segments"))
			.header("X-Replay-Token", app.clientToken().token())
			.header("Content-Type", "application/json")
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzip(batch)))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
