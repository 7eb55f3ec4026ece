package dev.replay.api.erasure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.replay.DatadogRecordings;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure of a person on real corpus recordings (rrweb identified by the recorder,
 * Datadog browser and mobile identified by RUM's usr fields), and the tombstones that
 * refuse a deleted session on every intake path. The context has a database of its own:
 * the corpus' Datadog session ids are fixed, and once erased they are refused.
 */
@ReplayIntegrationTest
@TestPropertySource(properties = { TestcontainersConfiguration.OWN_DATABASE + "=true", "replay.erasure.batch-size=2",
		"replay.erasure.interval=200ms" })
class ErasureIntegrationTests {

	private static final String GONE = "https://replay.dev/problems/session-gone";

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	@Test
	void erasesEverySessionOfAPersonFromEveryTableAndLeavesTheOthersByteIdentical() throws Exception {
		String person = "person-" + UUID.randomUUID();
		String email = person + "@example.com";
		List<String> pages = RrwebCorpus.pages();
		JsonNode application = this.client.createApplication("erasure " + UUID.randomUUID());
		String rrwebFirst = ingestRrweb(application, pages.get(0), Map.of("id", person, "name", "A Person"));
		String rrwebSecond = ingestRrweb(application, pages.get(1), Map.of("id", person, "email", email));
		String rrwebOther = ingestRrweb(application, pages.get(0), Map.of("id", "someone-else"));
		List<String> browserFolders = TestCorpus.browserRecordings();
		String browser = ingestBrowserAs(browserFolders.get(0), person, email);
		String browserOther = DatadogRecordings.ingestBrowser(this.client, browserFolders.get(1));
		List<String> mobileFolders = TestCorpus.mobileRecordings();
		String mobile = DatadogRecordings.ingestMobile(this.client, mobileFolders.get(0));
		sendRum(TestCorpus.MOBILE_APPLICATION, mobile, person, email);
		String mobileOther = DatadogRecordings.ingestMobile(this.client, mobileFolders.get(1));
		String rumOnly = UUID.randomUUID().toString();
		sendRum(TestCorpus.BROWSER_APPLICATION, rumOnly, person, email);
		List<String> erased = List.of(rrwebFirst, rrwebSecond, browser, mobile, rumOnly);
		List<String> kept = List.of(rrwebOther, browserOther, mobileOther);
		for (String sessionId : List.of(rrwebFirst, rrwebSecond, rrwebOther, browser, browserOther, mobile,
				mobileOther)) {
			Indexing.awaitIndexed(this.jdbc, sessionId);
		}
		long playlist = playlistOf(rrwebFirst, rrwebOther);
		Map<String, Long> numbers = new HashMap<>();
		for (String sessionId : erased.subList(0, 4)) {
			numbers.put(sessionId, count("select number from replay_session where id = ?", sessionId));
		}
		for (String sessionId : List.of(rrwebFirst, rrwebSecond, browser)) {
			assertThat(count("select count(*) from keyframe where session_id = ?", sessionId)).as(sessionId)
				.isPositive();
		}
		assertThat(count("select count(*) from rum_event where session_id = ?", browser)).isPositive();
		assertThat(count("select count(*) from rum_session where session_id = ? and user_id = ?", mobile, person))
			.isEqualTo(1);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + rrwebFirst + "/events").statusCode()).isEqualTo(200);
		assertThat(count("select count(*) from watch_entry where session_id = ?", rrwebFirst)).isPositive();
		List<Long> browserBatches = this.jdbc.sql("select batch_id from rum_batch_session where session_id = ?")
			.param(browser)
			.query(Long.class)
			.list();
		assertThat(browserBatches).isNotEmpty();
		Map<String, String> before = snapshots(kept);

		HttpResponse<String> accepted = this.client.postJsonAsAdmin("/api/v1/erasures", Map.of("userId", person));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		JsonNode erasure = ReplayClient.json(accepted.body());
		String location = accepted.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo("/api/v1/erasures/" + erasure.path("id").asString());
		assertThat(erasure.path("sessionsFound").asInt()).isEqualTo(5);
		assertThat(erasure.path("subject").asString()).isEqualTo("userId");
		assertThat(accepted.body()).doesNotContain(person);

		JsonNode completed = awaitCompleted(location);
		assertThat(completed.path("sessionsErased").asInt()).isEqualTo(5);
		assertThat(completed.path("batches").asInt()).isEqualTo(3);
		assertThat(completed.path("requestedBy").asString()).isEqualTo("admin");

		for (String sessionId : erased) {
			for (String table : List.of("keyframe", "session_view", "session_search", "session_asset", "session_hold",
					"watch_entry", "playlist_item", "rum_event", "rum_session", "rum_batch_session")) {
				assertThat(count("select count(*) from " + table + " where session_id = ?", sessionId))
					.as(table + " of " + sessionId)
					.isZero();
			}
			assertThat(count("select count(*) from replay_session where id = ?", sessionId)).isZero();
			assertThat(count("select count(*) from session_tombstone where session_id = ?", sessionId)).isEqualTo(1);
			assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).statusCode()).isEqualTo(404);
		}
		for (long number : numbers.values()) {
			assertThat(count("select count(*) from segment where session_number = ?", number)).isZero();
		}
		assertThat(
				count("select count(*) from rum_batch where id = any(?)", (Object) browserBatches.toArray(Long[]::new)))
			.isZero();
		assertThat(count("select count(*) from rum_event where raw::text like ?", "%" + person + "%")).isZero();
		assertThat(count("select count(*) from audit_event where details::text like ? or target_id like ?",
				"%" + person + "%", "%" + person + "%"))
			.isZero();
		assertThat(count("select count(*) from erasure where subject is not null")).isZero();
		assertThat(count("select count(*) from playlist_item where playlist_id = ?", playlist)).isEqualTo(1);

		assertThat(snapshots(kept)).isEqualTo(before);

		List<String> actions = new ArrayList<>();
		this.jdbc
			.sql("select action, actor, details::text from audit_event where target_type = 'erasure' and target_id = ?")
			.param(erasure.path("id").asString())
			.query((rs) -> {
				actions.add(rs.getString(1) + " by " + rs.getString(2));
				JsonNode details = ReplayClient.json(rs.getString(3));
				if (rs.getString(1).equals("erasure.completed")) {
					assertThat(details.path("sessionsErased").asInt()).isEqualTo(5);
					assertThat(details.path("requestedBy").asString()).isEqualTo("admin");
				}
				else {
					assertThat(details.path("subjectSha256").asString())
						.isEqualTo(erasure.path("subjectSha256").asString())
						.hasSize(64);
				}
			});
		assertThat(actions).containsExactlyInAnyOrder("erasure.requested by admin",
				"erasure.completed by system:erasure");

		// the intake refuses every erased session again, on each path
		HttpResponse<String> native1 = this.client.postSegment(rrwebFirst, application.path("clientToken").asString(),
				batch(application, 99, RrwebCorpus.batches(pages.get(0)).get(0), Map.of()), null);
		assertGone(native1);
		assertGone(DatadogRecordings.send(this.client,
				firstSegmentUpload(TestCorpus.browserRequests(browserFolders.get(0)),
						TestCorpus.ROOT.resolve("datadog").resolve(browserFolders.get(0)).resolve("requests"),
						".segment.zlib")));
		assertGone(
				DatadogRecordings.send(this.client, firstSegmentUpload(TestCorpus.mobileRequests(mobileFolders.get(0)),
						TestCorpus.ROOT.resolve("mobile").resolve(mobileFolders.get(0)), ".segments.json")));
		assertThat(
				count("select count(*) from replay_session where id = any(?)", (Object) erased.toArray(String[]::new)))
			.isZero();
		// nor does RUM keep anything of an erased session
		assertThat(postRum(TestCorpus.BROWSER_APPLICATION, rumOnly, person, email).statusCode()).isEqualTo(202);
		assertThat(count("select count(*) from rum_session where session_id = ?", rumOnly)).isZero();
		assertThat(count("select count(*) from rum_event where session_id = ?", rumOnly)).isZero();
		assertThat(count("select count(*) from rum_batch_session where session_id = ?", rumOnly)).isZero();
	}

	@Test
	void aDeletedSessionIsRefusedAndItsAuditListsThePlaylistsItLeft(TestSessions sessions) {
		String sessionId = sessions.record();
		long first = playlistOf(sessionId);
		long second = playlistOf(sessionId);
		HttpResponse<String> deleted = this.users.send("DELETE", "/api/v1/sessions/" + sessionId,
				ReplayClient.ADMIN_BASIC, null);
		assertThat(deleted.statusCode()).isEqualTo(204);
		JsonNode details = ReplayClient.json(this.jdbc
			.sql("select details::text from audit_event where action = 'session.deleted' and target_id = ?")
			.param(sessionId)
			.query(String.class)
			.single());
		List<Long> playlists = new ArrayList<>();
		details.path("playlistIds").forEach((id) -> playlists.add(id.asLong()));
		assertThat(playlists).containsExactly(first, second);

		String body = "{\"applicationId\":\"" + sessions.applicationId() + "\",\"sequence\":1,\"events\":"
				+ "[{\"type\":4,\"data\":{\"href\":\"https://example.com/\",\"width\":800,\"height\":600},"
				+ "\"timestamp\":" + System.currentTimeMillis() + "}]}";
		assertGone(this.client.postSegment(sessionId, sessions.clientToken(), body.getBytes(StandardCharsets.UTF_8),
				null));
		assertThat(count("select count(*) from replay_session where id = ?", sessionId)).isZero();
	}

	@Test
	void refusesWhatIsNotOneValidPersonAndEveryoneButAdmins() {
		for (Object body : List.of(Map.of(), Map.of("userId", "a", "email", "a@example.com"), Map.of("userId", ""),
				Map.of("email", "not an email"), Map.of("userId", "a\u0001b"),
				Map.of("userId", "a", "applicationId", "nope"), Map.of("userId", "a", "colour", "red"),
				Map.of("userId", "x".repeat(257)))) {
			HttpResponse<String> refused = this.client.postJsonAsAdmin("/api/v1/erasures", body);
			assertThat(refused.statusCode()).as(body.toString()).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		HttpResponse<String> unknown = this.client.postJsonAsAdmin("/api/v1/erasures",
				Map.of("userId", "a", "applicationId", UUID.randomUUID().toString()));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(ReplayClient.json(unknown.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/unknown-application");
		assertThat(this.client.getAsAdmin("/api/v1/erasures/not-a-uuid").statusCode()).isEqualTo(400);
		HttpResponse<String> missing = this.client.getAsAdmin("/api/v1/erasures/" + UUID.randomUUID());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(missing.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/erasure-not-found");

		HttpResponse<String> queued = this.client.postJsonAsAdmin("/api/v1/erasures",
				Map.of("email", "Nobody-" + UUID.randomUUID() + "@Example.com"));
		assertThat(queued.statusCode()).isEqualTo(202);
		String location = queued.headers().firstValue("Location").orElseThrow();
		for (String role : List.of("viewer", "editor")) {
			TestUsers.TestUser user = this.users.create(role);
			assertThat(this.users.send("POST", "/api/v1/erasures", user.basic(), Map.of("userId", "a")).statusCode())
				.as(role)
				.isEqualTo(403);
			assertThat(this.client.get(location, user.basic()).statusCode()).as(role).isEqualTo(403);
		}
		assertThat(awaitCompleted(location).path("sessionsErased").asInt()).isZero();
	}

	private void assertGone(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		// the SDK requests ask for gzip, which the HTTP client does not undo
		if (response.headers().firstValue("Content-Encoding").isEmpty()) {
			assertThat(ReplayClient.json(response.body()).path("type").asString()).isEqualTo(GONE);
		}
	}

	private JsonNode awaitCompleted(String location) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			HttpResponse<String> response = this.client.getAsAdmin(location);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode erasure = ReplayClient.json(response.body());
			if (erasure.path("status").asString().equals("completed")) {
				assertThat(erasure.path("completedAt").isNull()).isFalse();
				return erasure;
			}
			assertThat(Instant.now()).as("erasure completed in time").isBefore(deadline);
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// the events served from the start, and the digest of the stored segment bytes
	private Map<String, String> snapshots(List<String> sessionIds) {
		Map<String, String> snapshots = new LinkedHashMap<>();
		for (String sessionId : sessionIds) {
			HttpResponse<String> events = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
			assertThat(events.statusCode()).isEqualTo(200);
			HttpResponse<String> rum = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum");
			String segments = this.jdbc.sql("""
					select md5(string_agg(md5(s.body), ',' order by s.dedup_hash))
					from segment s join replay_session r on r.number = s.session_number where r.id = ?""")
				.param(sessionId)
				.query(String.class)
				.single();
			snapshots.put(sessionId, events.body() + "\n" + rum.statusCode() + rum.body() + "\n" + segments);
		}
		return snapshots;
	}

	private long playlistOf(String... sessionIds) {
		HttpResponse<String> created = this.client.postJsonAsAdmin("/api/v1/playlists",
				Map.of("name", "erasure " + UUID.randomUUID()));
		assertThat(created.statusCode()).isEqualTo(201);
		long id = ReplayClient.json(created.body()).path("id").asLong();
		for (String sessionId : sessionIds) {
			assertThat(this.client.postJsonAsAdmin("/api/v1/playlists/" + id + "/items", Map.of("sessionId", sessionId))
				.statusCode()).isEqualTo(201);
		}
		return id;
	}

	private String ingestRrweb(JsonNode application, String page, Map<String, String> user) throws IOException {
		String sessionId = UUID.randomUUID().toString();
		int sequence = 0;
		for (ArrayNode events : RrwebCorpus.batches(page)) {
			HttpResponse<String> response = this.client.postSegment(sessionId,
					application.path("clientToken").asString(), gzip(batch(application, sequence++, events, user)),
					"gzip");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
		return sessionId;
	}

	private static byte[] batch(JsonNode application, int sequence, ArrayNode events, Map<String, String> user) {
		ObjectNode batch = ReplayClient.mapper().createObjectNode();
		batch.put("applicationId", application.path("id").asString());
		batch.put("sequence", sequence);
		batch.set("events", events);
		if (!user.isEmpty()) {
			ObjectNode identified = batch.putObject("context").putObject("user");
			user.forEach(identified::put);
		}
		return ReplayClient.mapper().writeValueAsBytes(batch);
	}

	// the recording as the SDK sent it, with its RUM events naming the user as
	// setUser would have
	private String ingestBrowserAs(String folder, String userId, String email) {
		DatadogRecordings.createApplications(this.client);
		String named = "\"usr\":{\"id\":\"" + userId + "\",\"email\":\"" + email + "\",\"anonymous_id\":";
		for (CapturedRequest request : TestCorpus.browserRequests(folder)) {
			String text = new String(request.body(), StandardCharsets.ISO_8859_1);
			CapturedRequest sent = text.contains("\"usr\":{\"anonymous_id\":")
					? new CapturedRequest(request.name(), request.method(), request.pathAndQuery(), request.headers(),
							text.replace("\"usr\":{\"anonymous_id\":", named).getBytes(StandardCharsets.ISO_8859_1),
							request.expectedStatus())
					: request;
			HttpResponse<String> response = DatadogRecordings.send(this.client, sent);
			assertThat(response.statusCode()).as(request.name() + ": " + response.body()).isEqualTo(202);
		}
		return TestCorpus.browserSessionId(folder);
	}

	private void sendRum(UUID applicationId, String sessionId, String userId, String email) {
		HttpResponse<String> response = postRum(applicationId, sessionId, userId, email);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(count("select count(*) from rum_session where session_id = ? and user_id = ?", sessionId, userId))
			.isEqualTo(1);
	}

	private HttpResponse<String> postRum(UUID applicationId, String sessionId, String userId, String email) {
		String event = "{\"type\":\"view\",\"date\":" + System.currentTimeMillis() + ",\"application\":{\"id\":\""
				+ applicationId + "\"},\"session\":{\"id\":\"" + sessionId + "\",\"type\":\"user\"},\"view\":{\"id\":\""
				+ UUID.randomUUID() + "\",\"url\":\"ProductScreen\"},\"usr\":{\"id\":\"" + userId + "\",\"email\":\""
				+ email + "\"}}";
		return this.client.send(java.net.http.HttpRequest
			.newBuilder(this.client.uri("/api/v2/rum?ddsource=ios&dd-api-key=" + TestCorpus.CLIENT_TOKEN))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(event + "\n")));
	}

	// the first upload of segments: the one whose segments the corpus keeps beside it
	private static CapturedRequest firstSegmentUpload(List<CapturedRequest> requests, Path folder, String suffix) {
		return requests.stream().filter((request) -> {
			String file = request.name().substring(request.name().lastIndexOf('/') + 1);
			return Files.exists(folder.resolve(file.substring(0, 4) + suffix));
		}).findFirst().orElseThrow();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
