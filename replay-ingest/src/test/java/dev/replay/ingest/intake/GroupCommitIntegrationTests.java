package dev.replay.ingest.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent deliveries through the group commit: several requests share a transaction,
 * and a long batching delay makes repeats meet inside one batch.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.ingest.batch-max-delay=50ms", "replay.ingest.writer-threads=2" })
@Import(TestcontainersConfiguration.class)
@ExtendWith({ CorpusApplications.class, NewApplications.class })
class GroupCommitIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final int THREADS = 24;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ExecutorService executor = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	@Test
	void storesDatadogRequestsDeliveredSeveralTimesConcurrentlyOnce() throws Exception {
		String folder = TestCorpus.browserRecordings().get(0);
		String sessionId = TestCorpus.browserSessionId(folder);
		List<CapturedRequest> requests = TestCorpus.browserRequests(folder)
			.stream()
			.filter((request) -> request.pathAndQuery().contains("%2Freplay"))
			.toList();
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			for (int copy = 0; copy < 2 + (i % 4); copy++) {
				CapturedRequest request = requests.get(i);
				deliveries.add(() -> TestCorpus.send(base(), request).statusCode());
			}
		}
		assertThat(runTogether(deliveries)).containsOnly(202);
		assertThat(storedSegments(sessionId)).isEqualTo(requests.size());
		assertSessionCountersMatchSegments(sessionId);
	}

	@Test
	void storesNativeBatchesDeliveredSeveralTimesConcurrentlyOnce(CreatedApplication app) throws Exception {
		String sessionId = UUID.randomUUID().toString();
		int batches = 40;
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int sequence = 0; sequence < batches; sequence++) {
			byte[] body = NativeIntakeIntegrationTests
				.gzip(NativeIntakeIntegrationTests.batch(app.application().id().toString(), sequence));
			for (int copy = 0; copy < 2 + (sequence % 4); copy++) {
				deliveries.add(() -> postNative(sessionId, app.clientToken().token(), body));
			}
		}
		assertThat(runTogether(deliveries)).containsOnly(202);
		assertThat(storedSegments(sessionId)).isEqualTo(batches);
		assertSessionCountersMatchSegments(sessionId);
		assertThat(this.jdbc.sql("select event_count from replay_session where id = ?")
			.param(sessionId)
			.query(Long.class)
			.single()).isEqualTo(2L * batches);
	}

	@Test
	void answersConflictOnlyToTheWriteWhoseSessionBelongsToAnotherApplication(CreatedApplication owner,
			CreatedApplication other) throws Exception {
		String owned = UUID.randomUUID().toString();
		assertThat(
				postNative(owned, owner.clientToken().token(),
						NativeIntakeIntegrationTests
							.gzip(NativeIntakeIntegrationTests.batch(owner.application().id().toString(), 0))))
			.isEqualTo(202);
		List<String> sessions = new ArrayList<>();
		List<Callable<Integer>> deliveries = new ArrayList<>();
		byte[] intruder = NativeIntakeIntegrationTests
			.gzip(NativeIntakeIntegrationTests.batch(other.application().id().toString(), 1));
		deliveries.add(() -> postNative(owned, other.clientToken().token(), intruder));
		for (int i = 0; i < 20; i++) {
			String session = UUID.randomUUID().toString();
			sessions.add(session);
			byte[] body = NativeIntakeIntegrationTests
				.gzip(NativeIntakeIntegrationTests.batch(other.application().id().toString(), 0));
			deliveries.add(() -> postNative(session, other.clientToken().token(), body));
		}
		List<Integer> statuses = runTogether(deliveries);
		assertThat(statuses.get(0)).isEqualTo(409);
		assertThat(statuses.subList(1, statuses.size())).containsOnly(202);
		assertThat(storedSegments(owned)).isEqualTo(1);
		for (String session : sessions) {
			assertThat(storedSegments(session)).isEqualTo(1);
		}
	}

	private List<Integer> runTogether(List<Callable<Integer>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> futures = new ArrayList<>();
		for (Callable<Integer> task : tasks) {
			futures.add(this.executor.submit(() -> {
				start.await();
				return task.call();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> future : futures) {
			statuses.add(future.get());
		}
		return statuses;
	}

	private int postNative(String sessionId, String token, byte[] body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base() + "/ingest/v1/sessions/" + sessionId + "/segments"))
			.header("X-Replay-Token", token)
			.header("Content-Type", "application/json")
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private long storedSegments(String sessionId) {
		return this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private void assertSessionCountersMatchSegments(String sessionId) {
		Map<String, Object> session = this.jdbc
			.sql("select segment_count, event_count, stored_bytes from replay_session where id = ?")
			.param(sessionId)
			.query()
			.singleRow();
		Map<String, Object> segments = this.jdbc.sql("""
				select count(*) as segment_count, sum(length(s.body)) as stored_bytes
				from segment s join replay_session r on r.number = s.session_number where r.id = ?""")
			.param(sessionId)
			.query()
			.singleRow();
		assertThat(((Number) session.get("segment_count")).longValue())
			.isEqualTo(((Number) segments.get("segment_count")).longValue());
		assertThat(((Number) session.get("stored_bytes")).longValue())
			.isEqualTo(((Number) segments.get("stored_bytes")).longValue());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
