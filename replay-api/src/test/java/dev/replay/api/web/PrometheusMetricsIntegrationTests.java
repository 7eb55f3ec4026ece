package dev.replay.api.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Prometheus endpoint shows the intake's and playback's meters moving.
 */
@ReplayIntegrationTest
class PrometheusMetricsIntegrationTests {

	ReplayClient client;

	String viewer;

	@BeforeEach
	void createViewer(TestUsers users) {
		this.viewer = users.create("viewer").basic();
	}

	@Test
	void isForSignedInUsersOnly() {
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/actuator/prometheus"))).statusCode())
			.isEqualTo(401);
		HttpResponse<String> response = this.client.get("/actuator/prometheus", this.viewer);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(response.body()).contains("# TYPE replay_ingest_segments_total counter",
				"replay_ingest_queue_requests", "replay_ingest_queue_size_bytes");
	}

	@Test
	void countsSegmentsBytesRejectsCommitsAndPlaybacks(TestSessions sessions) {
		String before = scrape();

		String sessionId = sessions.record();
		byte[] segment = ("{\"applicationId\":\"" + sessions.applicationId()
				+ "\",\"sequence\":1,\"events\":[{\"type\":3,\"timestamp\":1002,\"data\":{\"source\":1,"
				+ "\"positions\":[]}}]}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.client.postSegment(sessionId, sessions.clientToken(), segment, null).statusCode())
			.isEqualTo(202);
		// the same segment again is a repeat
		assertThat(this.client.postSegment(sessionId, sessions.clientToken(), segment, null).statusCode())
			.isEqualTo(202);
		assertThat(this.client
			.postSegment(sessionId, sessions.clientToken(), "{\"events\": 3}".getBytes(StandardCharsets.UTF_8), null)
			.statusCode()).isEqualTo(400);
		assertThat(this.client.postSegment(UUID.randomUUID().toString(), "no-such-token", segment, null).statusCode())
			.isEqualTo(401);
		assertThat(this.client.get("/api/v1/sessions/" + sessionId + "/events", this.viewer).statusCode())
			.isEqualTo(200);
		assertThat(
				this.client.get("/api/v1/sessions/" + sessionId + "/events?from=0&to=1000", this.viewer).statusCode())
			.isEqualTo(200);

		String after = scrape();
		assertThat(delta(before, after, "replay_ingest_segments_total", "result=\"stored\"")).isEqualTo(2);
		assertThat(delta(before, after, "replay_ingest_segments_total", "result=\"duplicate\"")).isEqualTo(1);
		assertThat(delta(before, after, "replay_ingest_accepted_bytes_total", ""))
			.isGreaterThanOrEqualTo(2.0 * segment.length);
		assertThat(delta(before, after, "replay_ingest_rejects_total", "type=\"malformed-segment\"")).isEqualTo(1);
		assertThat(delta(before, after, "replay_ingest_rejects_total", "type=\"invalid-client-token\"")).isEqualTo(1);
		assertThat(delta(before, after, "replay_ingest_batch_segments_count", "")).isGreaterThanOrEqualTo(2);
		assertThat(delta(before, after, "replay_ingest_batch_segments_sum", "")).isGreaterThanOrEqualTo(3);
		assertThat(delta(before, after, "replay_ingest_commit_seconds_count", "outcome=\"success\""))
			.isGreaterThanOrEqualTo(2);
		assertThat(delta(before, after, "replay_ingest_commit_seconds_sum", "outcome=\"success\"")).isPositive();
		assertThat(delta(before, after, "replay_playback_seconds_count", "window=\"whole\"")).isEqualTo(1);
		assertThat(delta(before, after, "replay_playback_seconds_count", "window=\"range\"")).isEqualTo(1);
		assertThat(value(after, "replay_ingest_queue_requests", "")).isCloseTo(0, within(0.5));
	}

	private String scrape() {
		HttpResponse<String> response = this.client.get("/actuator/prometheus", this.viewer);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static double delta(String before, String after, String name, String label) {
		return value(after, name, label) - value(before, name, label);
	}

	// the sum of the samples of a meter whose labels contain the given one
	private static double value(String scrape, String name, String label) {
		double sum = 0;
		for (String line : scrape.split("\n")) {
			if (line.startsWith(name + " ") || (line.startsWith(name + "{") && line.contains(label))) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sum;
	}

}
