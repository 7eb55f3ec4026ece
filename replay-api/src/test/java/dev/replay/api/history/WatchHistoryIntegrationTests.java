package dev.replay.api.history;

import java.net.http.HttpResponse;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class WatchHistoryIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	TestSessions sessions;

	@Test
	void recordsPlaybackAsWatchEntryAndAuditEvent() {
		TestUser viewer = this.users.create("viewer");
		String sessionId = this.sessions.record();
		HttpResponse<String> playback = this.client.get("/api/v1/sessions/" + sessionId + "/events?context=embed",
				viewer.basic());
		assertThat(playback.statusCode()).isEqualTo(200);
		assertThat(count("select count(*) from watch_entry where session_id = ? and context = 'embed'", sessionId))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_event where target_id = ? and action = 'session.played' "
				+ "and details ->> 'context' = 'embed' and actor = '" + viewer.username() + "'", sessionId))
			.isEqualTo(1);
	}

	@Test
	void doesNotRecordPreviews() {
		TestUser viewer = this.users.create("viewer");
		String sessionId = this.sessions.record();
		HttpResponse<String> preview = this.client.get("/api/v1/sessions/" + sessionId + "/events?preview=true",
				viewer.basic());
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(count("select count(*) from watch_entry where session_id = ?", sessionId)).isZero();
		assertThat(count("select count(*) from audit_event where target_id = ?", sessionId)).isZero();
	}

	@Test
	void refusesUnknownPlaybackContext() {
		String sessionId = this.sessions.record();
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events?context=thumbnail").statusCode())
			.isEqualTo(400);
	}

	@Test
	void countsWatchersOfSession() {
		TestUser first = this.users.create("viewer");
		TestUser second = this.users.create("editor");
		String sessionId = this.sessions.record();
		this.client.get("/api/v1/sessions/" + sessionId + "/events", first.basic());
		this.client.get("/api/v1/sessions/" + sessionId + "/events", first.basic());
		this.client.get("/api/v1/sessions/" + sessionId + "/events", second.basic());
		JsonNode watchers = ReplayClient
			.json(this.client.get("/api/v1/sessions/" + sessionId + "/watchers", first.basic()).body());
		assertThat(watchers.path("watchedCount").asLong()).isEqualTo(3);
		assertThat(watchers.path("watchers")
			.valueStream()
			.map((watcher) -> watcher.path("username").asString() + "=" + watcher.path("timesWatched").asInt()))
			.containsExactlyInAnyOrder(first.username() + "=2", second.username() + "=1");
	}

	@Test
	void answersWatchersOfUnknownSessionWith404() {
		assertThat(this.client.getAsAdmin("/api/v1/sessions/unknown-session/watchers").statusCode()).isEqualTo(404);
	}

	@Test
	void listsMyWatchHistoryNewestFirstAndPaged() {
		TestUser viewer = this.users.create("viewer");
		String older = this.sessions.record();
		String newer = this.sessions.record();
		this.client.get("/api/v1/sessions/" + older + "/events", viewer.basic());
		this.client.get("/api/v1/sessions/" + newer + "/events", viewer.basic());
		JsonNode first = ReplayClient.json(this.client
			.get("/api/v1/me/history?size=1&applicationId=" + this.sessions.applicationId(), viewer.basic())
			.body());
		assertThat(first.path("totalItems").asLong()).isEqualTo(2);
		assertThat(first.path("items").get(0).path("sessionId").asString()).isEqualTo(newer);
		JsonNode second = ReplayClient.json(this.client.get("/api/v1/me/history?size=1&page=1", viewer.basic()).body());
		assertThat(second.path("items").get(0).path("sessionId").asString()).isEqualTo(older);
		JsonNode future = ReplayClient
			.json(this.client.get("/api/v1/me/history?from=2999-01-01T00:00:00Z", viewer.basic()).body());
		assertThat(future.path("items").isEmpty()).isTrue();
	}

	@Test
	void filtersSessionsByWhoWatchedThem() {
		TestUser viewer = this.users.create("viewer");
		String watched = this.sessions.record();
		String unwatched = this.sessions.record();
		this.client.get("/api/v1/sessions/" + watched + "/events", viewer.basic());
		String app = "&applicationId=" + this.sessions.applicationId();
		assertThat(ids("/api/v1/sessions?watchedByMe=true" + app, viewer)).containsExactly(watched);
		assertThat(ids("/api/v1/sessions?watchedByMe=false" + app, viewer)).containsExactly(unwatched);
		assertThat(ids("/api/v1/sessions?notWatched=true" + app, viewer)).containsExactly(unwatched);
	}

	private java.util.List<String> ids(String path, TestUser user) {
		return ReplayClient.json(this.client.get(path, user.basic()).body())
			.path("items")
			.valueStream()
			.map((item) -> item.path("id").asString())
			.toList();
	}

	private long count(String sql, String sessionId) {
		return this.jdbc.sql(sql).param(sessionId).query(Long.class).single();
	}

}
