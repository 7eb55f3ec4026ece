package dev.replay.api.share;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Share links over HTTP, on sessions of the corpus: who may make and revoke them, what a
 * link plays to someone who is not signed in and for how long, what it never opens, and
 * the audit trail of it all.
 */
@ReplayIntegrationTest
class ShareLinkIntegrationTests {

	private static final String NOT_FOUND = "https://replay.dev/problems/share-link-not-found";

	private static final String INVALID = "https://replay.dev/problems/invalid-share-link";

	ReplayClient client;

	TestUsers users;

	TestSessions sessions;

	@Autowired
	JdbcClient jdbc;

	TestUser editor;

	TestUser viewer;

	@BeforeEach
	void createUsers() {
		this.editor = this.users.create("editor");
		this.viewer = this.users.create("viewer");
	}

	@Test
	void aLinkPlaysItsRrwebSessionSignedOutAsTheApiDoes() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		JsonNode link = create(sessionId, Instant.now().plus(Duration.ofDays(7)), 1500L);
		String secret = secretOf(link);
		assertThat(secret).hasSizeGreaterThanOrEqualTo(22);
		assertThat(URI.create(link.path("url").asString()).getPath()).isEqualTo("/s/" + secret);
		assertThat(link.path("url").asString()).endsWith("?t=1500");
		assertThat(URI.create(link.path("embedUrl").asString()).getPath()).isEqualTo("/embed/s/" + secret);

		HttpResponse<String> page = signedOut("/s/" + secret);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		assertThat(page.body()).contains("/app/share.js");
		HttpResponse<String> events = signedOut("/s/" + secret + "/events");
		assertThat(events.statusCode()).isEqualTo(200);
		HttpResponse<String> asAdmin = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		assertThat(ReplayClient.json(events.body())).hasSize(ReplayClient.json(asAdmin.body()).size());
		assertThat(events.headers().firstValue("Replay-Session-Duration"))
			.isEqualTo(asAdmin.headers().firstValue("Replay-Session-Duration"));
	}

	@Test
	void aLinkPlaysItsDatadogMobileSessionWithItsImagesUnderTheLink() {
		String sessionId = DatadogRecordings.ingestMobile(this.client, "android-shop-login-list-detail");
		String secret = secretOf(create(sessionId, Instant.now().plus(Duration.ofHours(1)), null));
		HttpResponse<String> events = signedOut("/s/" + secret + "/events");
		assertThat(events.statusCode()).isEqualTo(200);
		assertThat(events.body()).doesNotContain("/api/v1/").contains("/s/" + secret + "/resources/");
		int start = events.body().indexOf("/s/" + secret + "/resources/");
		String image = events.body().substring(start, events.body().indexOf('"', start));
		HttpResponse<String> response = signedOut(image);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("image/"));
	}

	@Test
	void theListShowsEveryLinkOfTheSessionToViewersButNeverItsSecret() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		JsonNode first = create(sessionId, Instant.now().plus(Duration.ofDays(1)), null);
		JsonNode second = create(sessionId, Instant.now().plus(Duration.ofDays(2)), 2000L);
		HttpResponse<String> list = this.users.send("GET", "/api/v1/sessions/" + sessionId + "/share-links",
				this.viewer.basic(), null);
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode links = ReplayClient.json(list.body());
		assertThat(links.valueStream().map((link) -> link.path("id").asString()))
			.containsExactly(second.path("id").asString(), first.path("id").asString());
		assertThat(links.get(0).path("startAt").asLong()).isEqualTo(2000L);
		assertThat(links.get(0).path("active").asBoolean()).isTrue();
		assertThat(links.get(0).path("createdBy").asString()).isEqualTo(this.editor.username());
		assertThat(list.body()).doesNotContain(secretOf(first)).doesNotContain(secretOf(second));
		String stored = this.jdbc.sql("select token_hash from share_link where id = ?")
			.param(UUID.fromString(first.path("id").asString()))
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).isNotEqualTo(secretOf(first));
	}

	@Test
	void aRevokedLinkAnswers404AtOnce() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		JsonNode link = create(sessionId, Instant.now().plus(Duration.ofDays(1)), null);
		String secret = secretOf(link);
		assertThat(signedOut("/s/" + secret + "/events").statusCode()).isEqualTo(200);
		String linkId = link.path("id").asString();
		assertThat(this.users.send("DELETE", "/api/v1/share-links/" + linkId, this.editor.basic(), null).statusCode())
			.isEqualTo(204);
		for (String path : List.of("/s/" + secret, "/embed/s/" + secret, "/s/" + secret + "/events")) {
			assertNotFound(signedOut(path), NOT_FOUND);
		}
		assertThat(this.users.send("DELETE", "/api/v1/share-links/" + linkId, this.editor.basic(), null).statusCode())
			.isEqualTo(204);
		assertThat(auditEvents("share-link.revoked", linkId)).hasSize(1);
		JsonNode listed = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/share-links").body());
		assertThat(listed.get(0).path("active").asBoolean()).isFalse();
		assertThat(listed.get(0).path("revokedAt").isNull()).isFalse();
	}

	@Test
	void aLinkAnswers404OnceItsExpiryHasPassed() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Instant expiresAt = Instant.now().plus(Duration.ofSeconds(2));
		String secret = secretOf(create(sessionId, expiresAt, null));
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 200);
		assertNotFound(signedOut("/s/" + secret + "/events"), NOT_FOUND);
		assertNotFound(signedOut("/embed/s/" + secret), NOT_FOUND);
	}

	@Test
	void aLinkThatPlayedAnswers404WhenTheDatabaseClockPassesItsExpiry() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		JsonNode link = create(sessionId, Instant.now().plus(Duration.ofDays(1)), null);
		String secret = secretOf(link);
		assertThat(signedOut("/s/" + secret + "/events").statusCode()).isEqualTo(200);
		// the expiry is compared with the database's clock: move the link's times back
		// by a day, as if that day had passed
		this.jdbc.sql("""
				update share_link set created_at = created_at - interval '1 day',
				  expires_at = expires_at - interval '1 day' where id = ?""")
			.param(UUID.fromString(link.path("id").asString()))
			.update();
		assertNotFound(signedOut("/s/" + secret + "/events"), NOT_FOUND);
		assertNotFound(signedOut("/s/" + secret), NOT_FOUND);
	}

	@Test
	void aLinkOpensNothingButItsOwnSession() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		String other = this.sessions.record();
		String secret = secretOf(create(sessionId, Instant.now().plus(Duration.ofDays(1)), null));
		String bearer = TestUsers.bearer(secret);
		for (String path : List.of("/api/v1/sessions/" + sessionId + "/events", "/api/v1/sessions/" + other + "/events",
				"/api/v1/sessions", "/api/v1/sessions/" + sessionId, "/api/v1/me", "/api/v1/playlists",
				"/api/v1/me/history", "/api/v1/sessions/" + sessionId + "/share-links")) {
			assertThat(this.client.get(path, bearer).statusCode()).as(path).isEqualTo(401);
			assertThat(this.client.get(path + "?token=" + secret, bearer).statusCode()).as(path).isEqualTo(401);
		}
		for (String path : List.of("/s/" + secret + "/timeline", "/s/" + secret + "/rum", "/s/" + secret + "/assets",
				"/s/" + secret + "/sessions", "/s/" + secret + "/resources/" + other,
				"/s/" + secret + "/assets/" + "0".repeat(64), "/s/" + secret + "/events/" + other)) {
			assertThat(signedOut(path).statusCode()).as(path).isEqualTo(404);
		}
		JsonNode otherEvents = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + other + "/events").body());
		HttpResponse<String> asked = signedOut("/s/" + secret + "/events?sessionId=" + other);
		assertThat(asked.body()).doesNotContain(otherEvents.get(0).toString());
		HttpResponse<String> posted = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/s/" + secret + "/events"))
				.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(posted.statusCode()).isEqualTo(405);
		char last = secret.charAt(secret.length() - 1);
		String near = secret.substring(0, secret.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertNotFound(signedOut("/s/" + near + "/events"), NOT_FOUND);
		assertNotFound(signedOut("/s/short/events"), NOT_FOUND);
	}

	@Test
	void aLinkMadeWithDevtoolsShowsTheSessionsRumEventsAndAssetsAndOthersDoNot() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, "errors-console");
		Map<String, Object> body = new HashMap<>();
		body.put("expiresAt", Instant.now().plus(Duration.ofDays(1)).toString());
		body.put("devtools", true);
		HttpResponse<String> made = post("/api/v1/sessions/" + sessionId + "/share-links", body);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		JsonNode withDevtools = ReplayClient.json(made.body());
		assertThat(withDevtools.path("devtools").asBoolean()).isTrue();
		String secret = secretOf(withDevtools);
		String without = secretOf(create(sessionId, Instant.now().plus(Duration.ofDays(1)), 1500L));

		JsonNode described = ReplayClient.json(signedOut("/s/" + secret + "/link").body());
		assertThat(described.path("devtools").asBoolean()).isTrue();
		assertThat(described.toString()).doesNotContain(sessionId);
		JsonNode other = ReplayClient.json(signedOut("/s/" + without + "/link").body());
		assertThat(other.path("devtools").asBoolean()).isFalse();
		assertThat(other.path("startAt").asLong()).isEqualTo(1500L);

		HttpResponse<String> rum = signedOut("/s/" + secret + "/rum?type=error&limit=1000");
		assertThat(rum.statusCode()).as(rum.body()).isEqualTo(200);
		String signedIn = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?type=error&limit=1000").body();
		assertThat(ReplayClient.json(rum.body()).path("items")).isEqualTo(ReplayClient.json(signedIn).path("items"));
		assertThat(ReplayClient.json(rum.body()).path("items").size()).isEqualTo(10);
		HttpResponse<String> assets = signedOut("/s/" + secret + "/assets");
		assertThat(assets.statusCode()).as(assets.body()).isEqualTo(200);
		assertThat(ReplayClient.json(assets.body()))
			.isEqualTo(ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/assets").body()));
		assertThat(signedOut("/s/" + secret + "/rum?limit=0").statusCode()).isEqualTo(400);
		List<JsonNode> read = auditEvents("session.content-read", sessionId);
		assertThat(read).anySatisfy((event) -> {
			assertThat(event.path("actor").asString()).isEqualTo("link:" + withDevtools.path("id").asString());
			assertThat(event.path("details").path("content").asString()).isEqualTo("rum");
		});

		assertNotFound(signedOut("/s/" + without + "/rum"), NOT_FOUND);
		assertNotFound(signedOut("/s/" + without + "/assets"), NOT_FOUND);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/share-links").body())
			.contains("\"devtools\":true")
			.contains("\"devtools\":false");
		assertProblem(
				post("/api/v1/sessions/" + sessionId + "/share-links",
						Map.of("expiresAt", Instant.now().plus(Duration.ofDays(1)).toString(), "devtools", "always")),
				400, "https://replay.dev/problems/bad-request");
	}

	@Test
	void onlyTheLinksEmbeddedPlayerMayBeFramedByAnySite() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		String secret = secretOf(create(sessionId, Instant.now().plus(Duration.ofDays(1)), null));
		HttpResponse<String> embed = signedOut("/embed/s/" + secret);
		assertThat(embed.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).endsWith("frame-ancestors *"));
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(embed.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		for (String path : List.of("/s/" + secret, "/s/" + secret + "/events", "/replays/" + sessionId,
				"/api/v1/sessions")) {
			HttpResponse<String> response = this.client.getAsAdmin(path);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).endsWith("frame-ancestors 'self'"));
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
		}
		assertThat(
				this.client.getAsAdmin("/embed/replays/" + sessionId).headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).endsWith("frame-ancestors 'self'"));
	}

	@Test
	void creatingRevokingAndEveryPlaybackThroughALinkAreAudited() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		JsonNode link = create(sessionId, Instant.now().plus(Duration.ofDays(1)), null);
		String linkId = link.path("id").asString();
		String secret = secretOf(link);
		List<JsonNode> created = auditEvents("share-link.created", linkId);
		assertThat(created).hasSize(1);
		assertThat(created.get(0).path("actor").asString()).isEqualTo(this.editor.username());
		assertThat(created.get(0).path("details").path("sessionId").asString()).isEqualTo(sessionId);
		assertThat(created.get(0).toString()).doesNotContain(secret);

		signedOut("/s/" + secret + "/events?to=1000");
		signedOut("/s/" + secret + "/events?from=1000&continuation=true");
		signedOut("/s/" + secret + "/events");
		List<JsonNode> played = auditEvents("session.played", sessionId);
		assertThat(played).hasSize(2).allSatisfy((event) -> {
			assertThat(event.path("actor").asString()).isEqualTo("link:" + linkId);
			assertThat(event.path("details").path("context").asString()).isEqualTo("link");
			assertThat(event.path("details").path("linkId").asString()).isEqualTo(linkId);
			assertThat(event.path("clientAddress").asString()).isNotEmpty();
		});
		this.users.send("DELETE", "/api/v1/share-links/" + linkId, this.editor.basic(), null);
		List<JsonNode> revoked = auditEvents("share-link.revoked", linkId);
		assertThat(revoked).hasSize(1);
		assertThat(revoked.get(0).path("actor").asString()).isEqualTo(this.editor.username());
		assertThat(ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/watchers").body())
			.path("watchedCount")
			.asLong()).isZero();
	}

	@Test
	void refusesAnExpiryThatIsNotInTheFutureOrTooFarAhead() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		String path = "/api/v1/sessions/" + sessionId + "/share-links";
		assertProblem(post(path, Map.of("expiresAt", Instant.now().minusSeconds(60).toString())), 400, INVALID);
		assertProblem(
				post(path, Map.of("expiresAt", Instant.now().plus(Duration.ofDays(30)).plusSeconds(60).toString())),
				400, INVALID);
		assertProblem(post(path, Map.of("expiresAt", Instant.now().plusSeconds(60).toString(), "startAt", -1)), 400,
				INVALID);
		assertThat(post(path, Map.of()).statusCode()).isEqualTo(400);
		assertThat(post(path, Map.of("expiresAt", "tomorrow")).statusCode()).isEqualTo(400);
		assertThat(
				post(path, Map.of("expiresAt", Instant.now().plusSeconds(60).toString(), "secret", "x")).statusCode())
			.isEqualTo(400);
		assertThat(post(path, Map.of("expiresAt", Instant.now().plus(Duration.ofDays(30)).minusSeconds(60).toString()))
			.statusCode()).isEqualTo(201);
	}

	@Test
	void anUnknownOrUngrantedSessionIsNotFound() throws Exception {
		Map<String, String> body = Map.of("expiresAt", Instant.now().plusSeconds(600).toString());
		assertProblem(post("/api/v1/sessions/" + UUID.randomUUID() + "/share-links", body), 404,
				"https://replay.dev/problems/session-not-found");
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		this.users.send("PATCH", "/api/v1/users/" + this.editor.id(), ReplayClient.ADMIN_BASIC,
				Map.of("applications", List.of(this.sessions.applicationId().toString())));
		assertProblem(post("/api/v1/sessions/" + sessionId + "/share-links", body), 404,
				"https://replay.dev/problems/session-not-found");
		JsonNode link = ReplayClient
			.json(this.client.postJsonAsAdmin("/api/v1/sessions/" + sessionId + "/share-links", body).body());
		assertProblem(this.users.send("DELETE", "/api/v1/share-links/" + link.path("id").asString(),
				this.editor.basic(), null), 404, NOT_FOUND);
		assertProblem(
				this.users.send("DELETE", "/api/v1/share-links/" + UUID.randomUUID(), ReplayClient.ADMIN_BASIC, null),
				404, NOT_FOUND);
	}

	@Test
	void viewersNeitherShareNorRevoke() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Map<String, String> body = Map.of("expiresAt", Instant.now().plusSeconds(600).toString());
		assertProblem(
				this.users.send("POST", "/api/v1/sessions/" + sessionId + "/share-links", this.viewer.basic(), body),
				403, "https://replay.dev/problems/forbidden");
		String linkId = create(sessionId, Instant.now().plusSeconds(600), null).path("id").asString();
		assertProblem(this.users.send("DELETE", "/api/v1/share-links/" + linkId, this.viewer.basic(), null), 403,
				"https://replay.dev/problems/forbidden");
		String token = this.users.tokenFor(this.editor);
		assertThat(
				this.users.send("POST", "/api/v1/sessions/" + sessionId + "/share-links", TestUsers.bearer(token), body)
					.statusCode())
			.isEqualTo(201);
	}

	private JsonNode create(String sessionId, Instant expiresAt, Long startAt) {
		Map<String, Object> body = new HashMap<>();
		body.put("expiresAt", expiresAt.toString());
		if (startAt != null) {
			body.put("startAt", startAt);
		}
		HttpResponse<String> response = post("/api/v1/sessions/" + sessionId + "/share-links", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode link = ReplayClient.json(response.body());
		assertThat(response.headers().firstValue("Location")).hasValue(link.path("url").asString());
		assertThat(Instant.parse(link.path("expiresAt").asString())).isCloseTo(expiresAt, within(1, ChronoUnit.MILLIS));
		return link;
	}

	private HttpResponse<String> post(String path, Object body) {
		return this.users.send("POST", path, this.editor.basic(), body);
	}

	private HttpResponse<String> signedOut(String path) {
		return this.client.send(HttpRequest.newBuilder(this.client.uri(path)));
	}

	private List<JsonNode> auditEvents(String action, String targetId) {
		JsonNode page = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=" + action + "&targetId=" + targetId).body());
		return page.path("items").valueStream().toList();
	}

	private static String secretOf(JsonNode link) {
		String path = URI.create(link.path("url").asString()).getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static void assertNotFound(HttpResponse<String> response, String type) {
		assertProblem(response, 404, type);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString()).isEqualTo(type);
	}

}
