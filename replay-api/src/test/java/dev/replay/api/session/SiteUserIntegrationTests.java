package dev.replay.api.session;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.RecordedSite;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people behind sessions: {@code GET /api/v1/people/{userId}}, the exact
 * {@code userId} filter of the session search, and what a session tells about its
 * browser, its device and whether it is still being recorded.
 */
@ReplayIntegrationTest
class SiteUserIntegrationTests {

	private static final String CHROME_ON_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

	ReplayClient client;

	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void describesAUserByTheirLatestNameAndCountsTheirSessions() {
		RecordedSite site = RecordedSite.create(this.client);
		String userId = "u-" + UUID.randomUUID();
		String first = site.record(Instant.parse("2026-03-01T10:00:00Z"), RecordedSite.user(userId, "Ada Byron", null),
				null);
		String second = site.record(Instant.parse("2026-03-02T10:00:00Z"),
				RecordedSite.user(userId, "Ada Lovelace", "ada@example.org"), CHROME_ON_MAC);
		// a user whose id starts like hers is somebody else
		site.record(Instant.parse("2026-03-03T10:00:00Z"), RecordedSite.user(userId + "0", "Not Ada", null), null);
		// once the indexer is done with it, as if it had found these
		RecordedSite.awaitIndexed(this.jdbc, first);
		this.jdbc
			.sql("update replay_session set indexed_at = now(), indexed_version = updated_at, error_count = 2, "
					+ "rage_click_count = 1 where id = ?")
			.param(first)
			.update();

		JsonNode person = ReplayClient.json(ok("/api/v1/people/" + encode(userId)));
		assertThat(person.path("userId").asString()).isEqualTo(userId);
		assertThat(person.path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(person.path("email").asString()).isEqualTo("ada@example.org");
		assertThat(person.path("sessionCount").asLong()).isEqualTo(2);
		assertThat(person.path("errorCount").asLong()).isEqualTo(2);
		assertThat(person.path("rageClickCount").asLong()).isEqualTo(1);
		assertThat(person.path("firstSeenAt").asString()).isEqualTo("2026-03-01T10:00:00Z");

		JsonNode sessions = ReplayClient.json(ok("/api/v1/sessions?userId=" + encode(userId)));
		List<String> ids = new ArrayList<>();
		sessions.path("items").forEach((item) -> ids.add(item.path("id").asString()));
		assertThat(ids).containsExactly(second, first);
	}

	@Test
	void answersNotFoundForAUserWithoutSessionsOrOutsideTheCallersApplications() {
		HttpResponse<String> missing = this.client.getAsAdmin("/api/v1/people/nobody-" + UUID.randomUUID());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(missing.body()).path("type").asString()).endsWith("/site-user-not-found");

		RecordedSite site = RecordedSite.create(this.client);
		RecordedSite other = RecordedSite.create(this.client);
		String userId = "u-" + UUID.randomUUID();
		site.record(Instant.parse("2026-03-01T10:00:00Z"), RecordedSite.user(userId, "Grace", null), null);
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> granted = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/users/" + viewer.id()))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(ReplayClient.mapper()
					.writeValueAsBytes(Map.of("applications", List.of(other.applicationId().toString()))))));
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
		assertThat(this.client.get("/api/v1/people/" + encode(userId), viewer.basic()).statusCode()).isEqualTo(404);
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/people/" + encode(userId))))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void aSessionTellsItsBrowserSystemAndDeviceFromTheUserAgent() {
		RecordedSite site = RecordedSite.create(this.client);
		String sessionId = site.record(Instant.now().minusSeconds(30), null, CHROME_ON_MAC);
		JsonNode detail = ReplayClient.json(ok("/api/v1/sessions/" + sessionId));
		JsonNode client = detail.path("client");
		assertThat(client.path("browserName").asString()).as(detail.toString()).isEqualTo("Chrome");
		assertThat(client.path("browserVersion").asString()).isEqualTo("120");
		assertThat(client.path("osName").asString()).isEqualTo("macOS");
		assertThat(client.path("deviceType").asString()).isEqualTo("desktop");
		String anonymous = site.record(Instant.now().minusSeconds(30), null, null);
		assertThat(ReplayClient.json(ok("/api/v1/sessions/" + anonymous)).path("client").isNull()).isTrue();
	}

	@Test
	void aSessionIsLiveWhileSegmentsArriveAndItsFiguresPendingUntilIndexed() {
		RecordedSite site = RecordedSite.create(this.client);
		String sessionId = site.record(Instant.now().minusSeconds(30), null, null);
		JsonNode fresh = ReplayClient.json(ok("/api/v1/sessions/" + sessionId));
		assertThat(fresh.path("live").asBoolean()).isTrue();
		JsonNode listed = ReplayClient.json(ok("/api/v1/sessions?applicationId=" + site.applicationId()))
			.path("items")
			.get(0);
		assertThat(listed.path("live").asBoolean()).isTrue();

		RecordedSite.awaitIndexed(this.jdbc, sessionId);
		this.jdbc.sql("update replay_session set received_at = now() - interval '10 minutes' where id = ?")
			.param(sessionId)
			.update();
		this.jdbc
			.sql("update replay_session set indexed_at = now(), indexed_version = updated_at, error_count = 0 "
					+ "where id = ?")
			.param(sessionId)
			.update();
		JsonNode ended = ReplayClient.json(ok("/api/v1/sessions/" + sessionId));
		assertThat(ended.path("live").asBoolean()).isFalse();
		assertThat(ended.path("indexPending").asBoolean()).isFalse();
		assertThat(ended.path("timeline").path("errors").asInt()).isZero();
	}

	private String ok(String path) {
		HttpResponse<String> response = this.client.getAsAdmin(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
