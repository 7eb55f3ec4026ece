package dev.replay.api.storage;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.replay.Indexing;
import dev.replay.ReplayApplication;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestUsers;
import dev.replay.ingest.testsupport.TestDatabase;
import dev.replay.ingest.testsupport.TestObjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application side by side on one database and one bucket of a real
 * S3-compatible server (S3Proxy), with {@code replay.storage.kind=s3}: a recording whose
 * uploads alternate between them plays back the same from both, and the same as from the
 * instance of the other tests, which keeps its bytes in PostgreSQL; PostgreSQL then holds
 * only where the bytes are. The two have a database of their own: instances of one
 * database share one storage kind, or the jobs of one would write keyframes that the
 * others cannot read.
 */
@ReplayIntegrationTest
class ObjectStorageIntegrationTests {

	private static final String BUCKET = "replay-instances-" + UUID.randomUUID();

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static JdbcClient objectsJdbc;

	ReplayClient client;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startInstances() {
		TestDatabase database = TestDatabase.another();
		first = start(database);
		second = start(database);
		objectsJdbc = first.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopInstances() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void instancesSideBySidePlayARecordingBackAsPostgresDoes() throws Exception {
		ReplayClient one = client(first);
		ReplayClient other = client(second);
		String page = longestRecording();
		String inObjects = ingestAlternating(List.of(one, other), page);
		String inRows = ingestAlternating(List.of(this.client), page);
		Indexing.awaitIndexed(objectsJdbc, inObjects);
		Indexing.awaitIndexed(this.jdbc, inRows);

		String fromRows = events(this.client, inRows, "");
		assertThat(ReplayClient.json(fromRows).size()).isGreaterThan(10);
		assertThat(events(one, inObjects, "")).isEqualTo(fromRows);
		assertThat(events(other, inObjects, "")).isEqualTo(fromRows);
		// from a keyframe in the middle
		long middle = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + inRows + "/timeline").body())
			.path("totalDurationMs")
			.asLong() / 2;
		String seek = "?from=" + middle;
		assertThat(events(other, inObjects, seek)).isEqualTo(events(this.client, inRows, seek));

		assertThat(objectsJdbc.sql(
				"select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ? and s.body is null")
			.param(inObjects)
			.query(Long.class)
			.single()).isEqualTo(RrwebCorpus.batches(page).size());
		assertThat(objectsJdbc.sql("select count(*) from keyframe where session_id = ? and object_id is not null")
			.param(inObjects)
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql(
				"select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ? and s.body is not null")
			.param(inRows)
			.query(Long.class)
			.single()).isEqualTo(RrwebCorpus.batches(page).size());
		assertThat(TestObjectStore.get().objects(BUCKET)).isNotEmpty();
	}

	@Test
	void anUnreachableObjectStoreIsAnswered503AndNothingIsAcknowledged() {
		ReplayClient one = client(first);
		JsonNode application = one.createApplication("storage outage " + UUID.randomUUID());
		String sessionId = UUID.randomUUID().toString();
		byte[] batch = batch(application, 0, RrwebCorpus.batches(longestRecording()).get(0));
		TestObjectStore.get().stop();
		try {
			HttpResponse<String> refused = one.postSegment(sessionId, application.path("clientToken").asString(), batch,
					null);
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(objectsJdbc.sql(
					"select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
				.param(sessionId)
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			TestObjectStore.get().start();
		}
		assertThat(one.postSegment(sessionId, application.path("clientToken").asString(), batch, null).statusCode())
			.isEqualTo(202);
	}

	@Test
	void adminsSeeWhereTheRecordedBytesAre(TestUsers users) {
		ReplayClient one = client(first);
		ingestAlternating(List.of(one), longestRecording());
		JsonNode inObjects = ReplayClient.json(one.getAsAdmin("/api/v1/storage").body());
		assertThat(inObjects.path("kind").asString()).isEqualTo("s3");
		assertThat(inObjects.path("segmentsInObjects").asLong()).isPositive();
		assertThat(inObjects.path("bytesInObjects").asLong()).isPositive();
		JsonNode inRows = ReplayClient.json(this.client.getAsAdmin("/api/v1/storage").body());
		assertThat(inRows.path("kind").asString()).isEqualTo("postgres");
		for (JsonNode report : List.of(inObjects, inRows)) {
			assertThat(report.path("otherPartsInRows").propertyNames()).containsExactly("assets", "images",
					"keyframes");
			assertThat(report.path("otherPartsInRows").path("keyframes").path("parts").isIntegralNumber()).isTrue();
		}
		TestUsers.TestUser viewer = users.create("viewer");
		assertThat(this.client.get("/api/v1/storage", viewer.basic()).statusCode()).isEqualTo(403);
	}

	private static String longestRecording() {
		return RrwebCorpus.pages()
			.stream()
			.max((a, b) -> Integer.compare(RrwebCorpus.batches(a).size(), RrwebCorpus.batches(b).size()))
			.orElseThrow();
	}

	// the batches of a corpus recording as one new session, each to the next client
	private static String ingestAlternating(List<ReplayClient> clients, String page) {
		JsonNode application = clients.get(0).createApplication("storage " + UUID.randomUUID());
		String sessionId = UUID.randomUUID().toString();
		List<ArrayNode> batches = RrwebCorpus.batches(page);
		for (int i = 0; i < batches.size(); i++) {
			HttpResponse<String> response = clients.get(i % clients.size())
				.postSegment(sessionId, application.path("clientToken").asString(),
						batch(application, i, batches.get(i)), null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
		return sessionId;
	}

	private static byte[] batch(JsonNode application, int sequence, ArrayNode events) {
		ObjectNode batch = ReplayClient.mapper().createObjectNode();
		batch.put("applicationId", application.path("id").asString());
		batch.put("sequence", sequence);
		batch.set("events", events);
		return ReplayClient.mapper().writeValueAsBytes(batch);
	}

	private static String events(ReplayClient client, String sessionId, String query) {
		HttpResponse<String> response = client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static ReplayClient client(ConfigurableApplicationContext context) {
		return new ReplayClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	// as command-line arguments, which win over the application's own configuration
	private static ConfigurableApplicationContext start(TestDatabase database) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD, "--replay.timeline.quiet-period=1s",
				"--replay.timeline.delay=300ms", "--replay.timeline.keyframe-interval=500ms",
				"--replay.retention.enabled=false", "--replay.ingest.max-event-age=36500d"));
		for (String property : TestObjectStore.get().properties(BUCKET)) {
			arguments.add("--" + property);
		}
		return new SpringApplicationBuilder(ReplayApplication.class).run(arguments.toArray(String[]::new));
	}

}
