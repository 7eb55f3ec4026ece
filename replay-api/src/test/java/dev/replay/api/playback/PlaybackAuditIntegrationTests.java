package dev.replay.api.playback;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of a session's recorded content is audited, except a preview, which only
 * gets the first keyframe; follow-up windows and the reads around a playback add no
 * further audit events.
 */
@ReplayIntegrationTest
class PlaybackAuditIntegrationTests {

	// a meta event and a full snapshot, then mouse moves up to 9 s later
	private static final String EVENTS = "[{\"type\":4,\"timestamp\":1000,\"data\":{\"href\":\"http://a/\","
			+ "\"width\":1,\"height\":1}},{\"type\":2,\"timestamp\":1001,\"data\":{\"node\":{\"type\":0,"
			+ "\"childNodes\":[],\"id\":1},\"initialOffset\":{\"left\":0,\"top\":0}}}," + move(1500) + "," + move(3000)
			+ "," + move(10000) + "]";

	ReplayClient client;

	TestUsers users;

	TestSessions sessions;

	TestUser viewer;

	@BeforeEach
	void createFixtures() {
		this.viewer = this.users.create("viewer");
	}

	@Test
	void aPreviewGetsOnlyTheFirstKeyframeWhateverItAsksAndIsNotAudited() {
		String sessionId = record();
		HttpResponse<String> whole = events(sessionId, "?preview=true");
		assertThat(whole.statusCode()).isEqualTo(200);
		JsonNode events = ReplayClient.json(whole.body());
		assertThat(events.valueStream().map((event) -> event.path("type").asInt())).containsExactly(4, 2);
		JsonNode later = ReplayClient.json(events(sessionId, "?preview=true&from=2000&to=20000").body());
		assertThat(later.valueStream().map((event) -> event.path("timestamp").asLong())).containsExactly(1000L, 1001L);
		assertThat(auditEvents(sessionId, "session.played")).isZero();
		assertThat(watchCount(sessionId)).isZero();
	}

	@Test
	void aPlaybackGetsTheWholeSessionAndIsAudited() {
		String sessionId = record();
		JsonNode events = ReplayClient.json(events(sessionId, "").body());
		assertThat(events).hasSize(5);
		assertThat(auditEvents(sessionId, "session.played")).isOne();
		assertThat(watchCount(sessionId)).isOne();
	}

	@Test
	void aContinuationWithoutAPlaybackCountsAsANewPlayback() {
		String sessionId = record();
		HttpResponse<String> response = events(sessionId, "?continuation=true");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(response.body())).hasSize(5);
		assertThat(auditEvents(sessionId, "session.played")).isOne();
		assertThat(watchCount(sessionId)).isOne();
	}

	@Test
	void aContinuationOfTheSameUsersPlaybackIsNotAuditedAgain() {
		String sessionId = record();
		events(sessionId, "?to=2000");
		assertThat(events(sessionId, "?continuation=true&from=2000&to=60000").statusCode()).isEqualTo(200);
		events(sessionId, "?continuation=true&from=5000");
		assertThat(auditEvents(sessionId, "session.played")).isOne();
		assertThat(watchCount(sessionId)).isOne();
	}

	@Test
	void anotherUsersPlaybackDoesNotCoverAContinuation() {
		String sessionId = record();
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").statusCode()).isEqualTo(200);
		events(sessionId, "?continuation=true");
		assertThat(auditEvents(sessionId, "session.played")).isEqualTo(2);
		assertThat(this.client
			.getAsAdmin("/api/v1/audit-events?action=session.played&targetId=" + sessionId + "&actor="
					+ this.viewer.username())
			.body()).contains(this.viewer.username());
	}

	@Test
	void rumTimelineAndViewReadsAreAuditedOncePerWindow() {
		String sessionId = record();
		for (String content : new String[] { "rum", "rum/summary", "timeline", "views", "rum" }) {
			HttpResponse<String> response = this.client.get("/api/v1/sessions/" + sessionId + "/" + content,
					this.viewer.basic());
			assertThat(response.statusCode()).as(content + ": " + response.body()).isIn(200, 404);
		}
		JsonNode audit = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=session.content-read&targetId=" + sessionId)
				.body());
		assertThat(audit.path("items")).hasSize(1);
		JsonNode event = audit.path("items").get(0);
		assertThat(event.path("actor").asString()).isEqualTo(this.viewer.username());
		assertThat(event.path("details").path("content").asString()).isEqualTo("rum");
		assertThat(event.path("details").path("applicationId").asString())
			.isEqualTo(this.sessions.applicationId().toString());
	}

	@Test
	void readsAroundAnAuditedPlaybackAddNoEvent() {
		String sessionId = record();
		events(sessionId, "");
		assertThat(this.client.get("/api/v1/sessions/" + sessionId + "/rum", this.viewer.basic()).statusCode())
			.isEqualTo(200);
		assertThat(this.client.get("/api/v1/sessions/" + sessionId + "/timeline", this.viewer.basic()).statusCode())
			.isEqualTo(200);
		assertThat(auditEvents(sessionId, "session.content-read")).isZero();
		assertThat(auditEvents(sessionId, "session.played")).isOne();
	}

	@Test
	void eachUserIsAuditedForTheirOwnReads() {
		String sessionId = record();
		assertThat(this.client.get("/api/v1/sessions/" + sessionId + "/rum", this.viewer.basic()).statusCode())
			.isEqualTo(200);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum").statusCode()).isEqualTo(200);
		assertThat(auditEvents(sessionId, "session.content-read")).isEqualTo(2);
	}

	private String record() {
		String sessionId = UUID.randomUUID().toString();
		String body = "{\"applicationId\":\"" + this.sessions.applicationId() + "\",\"sequence\":0,\"events\":" + EVENTS
				+ "}";
		HttpResponse<String> response = this.client.postSegment(sessionId, this.sessions.clientToken(),
				body.getBytes(StandardCharsets.UTF_8), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return sessionId;
	}

	private HttpResponse<String> events(String sessionId, String query) {
		return this.client.get("/api/v1/sessions/" + sessionId + "/events" + query, this.viewer.basic());
	}

	private long auditEvents(String sessionId, String action) {
		return ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=" + action + "&targetId=" + sessionId).body())
			.path("items")
			.size();
	}

	private long watchCount(String sessionId) {
		return ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/watchers").body())
			.path("watchedCount")
			.asLong();
	}

	private static String move(long timestamp) {
		return "{\"type\":3,\"timestamp\":" + timestamp
				+ ",\"data\":{\"source\":1,\"positions\":[{\"x\":1,\"y\":1,\"id\":1,\"timeOffset\":0}]}}";
	}

}
