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

import dev.replay.ingest.ApplicationRegistry;
import dev.replay.ingest.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.IntakeActivity;
import dev.replay.ingest.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline indexer leaves the cores to a busy intake and catches up once it is quiet.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "replay.timeline.yield-above=50")
@Import(TestcontainersConfiguration.class)
class IndexerYieldIntegrationTests {

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
