package dev.replay.api.playback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dev.replay.DatadogRecordings;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.ingest.playback.PlaybackWindow;
import dev.replay.ingest.playback.SessionTimelines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class WindowedPlaybackIntegrationTests {

	private static final String EMAIL = "ada@example.org";

	ReplayClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionTimelines timelines;

	@Test
	void storesKeyframesInTheBackgroundAfterTheIngestAnswered() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Instant answered = Instant.now();
		Indexing.awaitIndexed(this.jdbc, sessionId);
		Timestamp indexedAt = this.jdbc.sql("select indexed_at from replay_session where id = ?")
			.param(sessionId)
			.query(Timestamp.class)
			.single();
		assertThat(indexedAt.toInstant()).isAfter(answered.minusMillis(100));
		assertThat(keyframes(sessionId)).isNotEmpty();
	}

	@Test
	void windowStartsWithTheKeyframeOfThePageAtFrom() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		long errorsShownAt = screenshotAt("errors-console", 1);
		HttpResponse<String> response = this.client.getAsAdmin(
				"/api/v1/sessions/" + sessionId + "/events?from=" + errorsShownAt + "&to=" + (errorsShownAt + 30_000));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode events = ReplayClient.json(response.body());
		assertThat(events.get(0).path("type").asInt()).isEqualTo(4);
		assertThat(events.get(1).path("type").asInt()).isEqualTo(2);
		assertThat(events.get(1).toString()).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input");
		long windowStart = Long.parseLong(response.headers().firstValue("Replay-Window-Start").orElseThrow());
		assertThat(windowStart).isPositive().isLessThanOrEqualTo(errorsShownAt);
		long sessionStart = Long.parseLong(response.headers().firstValue("Replay-Session-Start").orElseThrow());
		assertThat(events.get(1).path("timestamp").asLong()).isEqualTo(sessionStart + windowStart);
		assertThat(response.headers().firstValue("Replay-Session-Duration").orElseThrow())
			.isEqualTo(RrwebCorpus.manifest("errors-console").path("durationMs").asString());
	}

	@Test
	void windowFollowsItsKeyframeWithTheEventsAfterIt() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		JsonNode whole = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body());
		long from = screenshotAt("errors-console", 1);
		JsonNode window = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events?from=" + from).body());
		long keyframeAt = window.get(0).path("timestamp").asLong();
		List<JsonNode> tail = whole.valueStream()
			.filter((event) -> event.path("timestamp").asLong() > keyframeAt)
			.toList();
		List<JsonNode> windowTail = window.valueStream()
			.filter((event) -> event.path("timestamp").asLong() > keyframeAt)
			.toList();
		assertThat(windowTail).isEqualTo(tail);
	}

	@Test
	void windowReadsOnlyTheSegmentsFromItsKeyframeOn() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		int segments = RrwebCorpus.manifest("errors-console").path("batches").size();
		PlaybackWindow whole = this.timelines.window(sessionId, null, null);
		PlaybackWindow late = this.timelines.window(sessionId, screenshotAt("errors-console", 2), null);
		whole.forEach((event) -> {
		});
		late.forEach((event) -> {
		});
		assertThat(whole.segmentsRead()).isEqualTo(segments);
		assertThat(late.startsAtKeyframe()).isTrue();
		assertThat(late.segmentsRead()).isPositive().isLessThan(segments);
	}

	@Test
	void timelineOfTheErrorsPageHasItsRageAndDeadClicks() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		JsonNode timeline = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/timeline").body());
		assertThat(timeline.path("markers").valueStream().map((marker) -> marker.path("kind").asString()))
			.contains("rage-click", "dead-click", "click");
		assertThat(timeline.path("counts").path("rageClicks").asInt()).isPositive();
		assertThat(timeline.path("counts").path("deadClicks").asInt()).isPositive();
		assertThat(timeline.path("views")).isNotEmpty();
		JsonNode session = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body());
		assertThat(session.path("timeline").path("rageClicks").asInt()).isPositive();
		String applicationId = session.path("applicationId").asString();
		assertThat(ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions?hasRageClicks=true&applicationId=" + applicationId).body())
			.path("items")).hasSize(1);
	}

	@Test
	void timelineIsComputedWhenTheSessionIsNotIndexedYet() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		JsonNode timeline = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/timeline").body());
		assertThat(timeline.path("counts").path("rageClicks").asInt()).isPositive();
	}

	@Test
	void neverServesTheEmailTypedIntoAnRrwebForm() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "form-inputs");
		assertThat(RrwebCorpus.batches("form-inputs").toString()).contains(EMAIL);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		String whole = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body();
		assertThat(whole).contains("\"text\":\"" + "*".repeat(EMAIL.length()) + "\"");
		assertNeverServed(sessionId, screenshotAt("form-inputs", 2), EMAIL);
		List<String> stored = keyframes(sessionId);
		// keyframes carry typed values as input events, masked as the stream is
		assertThat(stored.get(stored.size() - 1))
			.contains("\"source\":5,\"text\":\"" + "*".repeat(EMAIL.length()) + "\"");
	}

	@Test
	// The SDK masks email inputs itself, so the only copy of the email in this recording
	// is
	// the text that the page shows after submission, which is page content, not an input
	// value: no input value may start with it.
	void neverServesTheEmailTypedIntoADatadogFormRecordedWithInputsAllowed() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, "form-inputs-allow");
		this.jdbc.sql("update replay_session set indexed_version = null where id = ?").param(sessionId).update();
		Indexing.awaitIndexed(this.jdbc, sessionId);
		long duration = this.client.getAsAdmin("/api/v1/sessions/" + sessionId)
			.body()
			.transform(ReplayClient::json)
			.path("durationMs")
			.asLong();
		assertNeverServed(sessionId, duration, "\"" + EMAIL.substring(0, 4));
	}

	private void assertNeverServed(String sessionId, long late, String forbidden) throws IOException {
		String whole = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body();
		assertThat(whole).doesNotContain(forbidden);
		for (long from = 0; from <= late; from += 3000) {
			assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events?from=" + from).body())
				.doesNotContain(forbidden);
		}
		List<String> stored = keyframes(sessionId);
		assertThat(stored).isNotEmpty().noneMatch((events) -> events.contains(forbidden));
	}

	private List<String> keyframes(String sessionId) {
		return this.jdbc.sql("select events from keyframe where session_id = ? order by offset_ms")
			.param(sessionId)
			.query((rs, row) -> gunzip(rs.getBytes(1)))
			.list();
	}

	private static String gunzip(byte[] bytes) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long screenshotAt(String page, int index) throws IOException {
		return RrwebCorpus.manifest(page).path("screenshots").get(index).path("timestampMs").asLong();
	}

}
