package dev.replay.api.storage;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.replay.DatadogRecordings;
import dev.replay.Indexing;
import dev.replay.ReplayApplication;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestUsers;
import dev.replay.ingest.testsupport.TestCorpus;
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

	@Test
	void erasingAPersonDeletesTheirBytesFromTheObjectStore() throws Exception {
		ReplayClient one = client(first);
		String person = "person-" + UUID.randomUUID();
		JsonNode application = one.createApplication("erasure in objects " + UUID.randomUUID());
		String rrweb = ingestIdentified(one, application, longestRecording(), person);
		String rrwebOther = ingestIdentified(one, application, longestRecording(), "someone else");
		List<String> mobileFolders = TestCorpus.mobileRecordings();
		String withImages = mobileFolders.stream()
			.filter((folder) -> folder.startsWith("android-shop"))
			.findFirst()
			.orElseThrow();
		String otherWithImages = mobileFolders.stream()
			.filter((folder) -> folder.startsWith("ios-travel"))
			.findFirst()
			.orElseThrow();
		String mobile = DatadogRecordings.ingestMobile(one, withImages);
		String mobileOther = DatadogRecordings.ingestMobile(one, otherWithImages);
		HttpResponse<String> rum = postRum(one, mobile, person);
		assertThat(rum.statusCode()).as(rum.body()).isEqualTo(202);
		for (String sessionId : List.of(rrweb, rrwebOther, mobile, mobileOther)) {
			Indexing.awaitIndexed(objectsJdbc, sessionId);
		}
		List<String> erasedKeys = objectKeysOf(List.of(rrweb, mobile));
		List<String> keptImages = imageKeysOf(mobileOther);
		List<String> erasedImages = imageIdsOf(mobile);
		assertThat(imageKeysOf(mobile)).isNotEmpty().allSatisfy((key) -> assertThat(erasedKeys).contains(key));
		assertThat(keptImages).isNotEmpty();
		assertThat(erasedKeys).doesNotContainAnyElementsOf(keptImages);
		assertThat(keys()).containsAll(erasedKeys);
		String keptEvents = events(one, rrwebOther, "");
		String keptMobileEvents = events(one, mobileOther, "");

		HttpResponse<String> accepted = one.postJsonAsAdmin("/api/v1/erasures", Map.of("userId", person));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		awaitTrue(
				() -> ReplayClient.json(one.getAsAdmin(location).body()).path("status").asString().equals("completed"),
				"erasure completed");
		assertThat(ReplayClient.json(one.getAsAdmin(location).body()).path("sessionsErased").asInt()).isEqualTo(2);

		// the segments, keyframes and images of the person's sessions, once the sweep ran
		awaitTrue(() -> {
			List<String> left = keys();
			return erasedKeys.stream().noneMatch(left::contains);
		}, "objects of erased sessions deleted");
		assertThat(keys()).containsAll(keptImages);
		assertThat(objectsJdbc.sql("select count(*) from replay_resource where application_id = ? and id = any(?)")
			.params(TestCorpus.MOBILE_APPLICATION, erasedImages.toArray(String[]::new))
			.query(Long.class)
			.single()).isZero();
		assertThat(events(one, rrwebOther, "")).isEqualTo(keptEvents);
		assertThat(events(one, mobileOther, "")).isEqualTo(keptMobileEvents);
		for (String image : imageIdsOf(mobileOther)) {
			assertThat(one.getAsAdmin("/api/v1/sessions/" + mobileOther + "/resources/" + image).statusCode())
				.isEqualTo(200);
		}
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

	// the keys of the objects that hold the sessions' segments, keyframes and images
	private static List<String> objectKeysOf(List<String> sessionIds) {
		List<String> keys = new ArrayList<>(objectsJdbc
			.sql("""
					select o.key from segment s join replay_session r on r.number = s.session_number
					join stored_object o on o.id = s.object_id where r.id = any(?)
					union select o.key from keyframe k join stored_object o on o.id = k.object_id where k.session_id = any(?)""")
			.params(sessionIds.toArray(String[]::new), sessionIds.toArray(String[]::new))
			.query(String.class)
			.list());
		for (String sessionId : sessionIds) {
			keys.addAll(imageKeysOf(sessionId));
		}
		return keys;
	}

	private static List<String> imageKeysOf(String sessionId) {
		return objectsJdbc.sql("""
				select o.key from session_image i
				join replay_resource r on r.application_id = i.application_id and r.id = i.resource_id
				join stored_object o on o.id = r.object_id where i.session_id = ?""")
			.param(sessionId)
			.query(String.class)
			.list();
	}

	private static List<String> imageIdsOf(String sessionId) {
		return objectsJdbc.sql("select resource_id from session_image where session_id = ?")
			.param(sessionId)
			.query(String.class)
			.list();
	}

	private static List<String> keys() {
		return TestObjectStore.get().objects(BUCKET).stream().map((object) -> object.key()).toList();
	}

	private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	// a corpus recording as a new session whose batches name the user, as identify does
	private static String ingestIdentified(ReplayClient client, JsonNode application, String page, String userId) {
		String sessionId = UUID.randomUUID().toString();
		List<ArrayNode> batches = RrwebCorpus.batches(page);
		for (int i = 0; i < batches.size(); i++) {
			ObjectNode batch = ReplayClient.mapper().createObjectNode();
			batch.put("applicationId", application.path("id").asString());
			batch.put("sequence", i);
			batch.set("events", batches.get(i));
			batch.putObject("context").putObject("user").put("id", userId);
			HttpResponse<String> response = client.postSegment(sessionId, application.path("clientToken").asString(),
					ReplayClient.mapper().writeValueAsBytes(batch), null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
		return sessionId;
	}

	// a RUM view of a mobile session that names its user, as setUser would have
	private static HttpResponse<String> postRum(ReplayClient client, String sessionId, String userId) {
		String event = "{\"type\":\"view\",\"date\":" + System.currentTimeMillis() + ",\"application\":{\"id\":\""
				+ TestCorpus.MOBILE_APPLICATION + "\"},\"session\":{\"id\":\"" + sessionId
				+ "\",\"type\":\"user\"},\"view\":{\"id\":\"" + UUID.randomUUID()
				+ "\",\"url\":\"ProductScreen\"},\"usr\":{\"id\":\"" + userId + "\"}}";
		return client.send(
				HttpRequest.newBuilder(client.uri("/api/v2/rum?ddsource=android&dd-api-key=" + TestCorpus.CLIENT_TOKEN))
					.header("Content-Type", "text/plain;charset=UTF-8")
					.POST(HttpRequest.BodyPublishers.ofString(event + "\n")));
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
				"--replay.retention.enabled=false", "--replay.ingest.max-event-age=36500d",
				"--replay.erasure.interval=200ms", "--replay.resources.release-interval=300ms",
				"--replay.storage.sweep-interval=300ms", "--replay.storage.orphan-grace=2s"));
		for (String property : TestObjectStore.get().properties(BUCKET)) {
			arguments.add("--" + property);
		}
		return new SpringApplicationBuilder(ReplayApplication.class).run(arguments.toArray(String[]::new));
	}

}
