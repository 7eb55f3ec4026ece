package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.segment.MalformedSegmentException;
import dev.replay.ingest.segment.NewSegment;
import dev.replay.ingest.segment.SegmentCommitter;
import dev.replay.ingest.segment.SegmentWrite;
import dev.replay.ingest.segment.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients cannot be trusted with: their clocks (timestamps outside the window around
 * the receipt are refused, retention counts from the receipt), text the database cannot
 * hold, and numbers out of range. None of it may answer 500 or fail other requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.ingest.max-event-age=7d", "replay.ingest.max-event-lead=1h",
				"replay.ingest.batch-max-delay=50ms", "replay.timeline.enabled=false" })
@Import(TestcontainersConfiguration.class)
@ExtendWith(NewApplications.class)
class ClientInputIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BOUNDARY = "----ClientInputBoundary";

	private static final long DAY = Duration.ofDays(1).toMillis();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SegmentCommitter committer;

	CreatedApplication app;

	String sessionId = UUID.randomUUID().toString();

	@Test
	void storesBatchDatedNowAndCountsRetentionFromItsReceipt() throws Exception {
		long now = System.currentTimeMillis();
		HttpResponse<String> response = postNative(batch(now - 60_000, now));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		Timestamp received = this.jdbc.sql("select received_at from replay_session where id = ?")
			.param(this.sessionId)
			.query(Timestamp.class)
			.single();
		assertThat(received.toInstant()).isBetween(Instant.ofEpochMilli(now - 60_000), Instant.now());
	}

	@ParameterizedTest(name = "{0} days from now")
	@ValueSource(longs = { -8, -3 * 365, 27_000, 1 })
	void refusesBatchDatedOutsideTheWindowAroundItsReceipt(long days) throws Exception {
		long at = System.currentTimeMillis() + days * DAY;
		HttpResponse<String> response = postNative(batch(at, at + 1000));
		assertProblem(response, 400, "malformed-segment");
		assertThat(JSON.readTree(response.body()).path("violations").get(0).path("path").asString())
			.isEqualTo("events");
		assertThat(sessions()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e18", "1000000000000000000", "1180591620717411303424", "-1", "-1e18" })
	void refusesTimestampsOutOfRange(String timestamp) throws Exception {
		String body = ("{\"applicationId\":\"%s\",\"sequence\":0,\"events\":[{\"type\":4,\"timestamp\":%s,"
				+ "\"data\":{}}]}")
			.formatted(this.app.application().id(), timestamp);
		assertProblem(postNative(body), 400, "malformed-segment");
		assertThat(sessions()).isZero();
	}

	@Test
	void replacesControlCharactersOfTheContextAndRefusesThemInTheViewId() throws Exception {
		long now = System.currentTimeMillis();
		String body = batch(now, now).replace("\"context\":{}",
				"\"context\":{\"url\":\"http://a/\\u0000x\",\"user\":{\"name\":\"A\\u0001B\"}}");
		assertThat(postNative(body).statusCode()).isEqualTo(202);
		assertThat(this.jdbc.sql("select first_url || ' ' || user_name from replay_session where id = ?")
			.param(this.sessionId)
			.query(String.class)
			.single()).isEqualTo("http://a/\uFFFDx A\uFFFDB");
		String badView = batch(now, now).replace("\"sequence\":0", "\"sequence\":1,\"viewId\":\"v\\u0000\"");
		assertProblem(postNative(badView), 400, "malformed-segment");
	}

	@Test
	void refusesTokenWithControlCharacters() throws Exception {
		long now = System.currentTimeMillis();
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(base() + "/ingest/v1/sessions/" + this.sessionId + "/segments?token="
					+ this.app.clientToken().token() + "%00"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(batch(now, now))));
		assertProblem(response, 401, "invalid-client-token");
	}

	@Test
	void storesDatadogSegmentDatedNowWithItsHrefMadeStorable() throws Exception {
		long now = System.currentTimeMillis();
		HttpResponse<String> response = postDatadog(now, now + 10, "http://shop/\\u0000");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(this.jdbc.sql("select first_url from replay_session where id = ?")
			.param(this.sessionId)
			.query(String.class)
			.single()).isEqualTo("http://shop/\uFFFD");
	}

	@ParameterizedTest(name = "{0} days from now")
	@ValueSource(longs = { -8, -3 * 365, 27_000 })
	void refusesDatadogSegmentDatedOutsideTheWindow(long days) throws Exception {
		long at = System.currentTimeMillis() + days * DAY;
		assertProblem(postDatadog(at, at + 10, "http://shop/"), 400, "malformed-segment");
		assertThat(sessions()).isZero();
	}

	@Test
	void refusesDatadogTimestampsOutOfRange() throws Exception {
		assertProblem(postDatadog(1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L, "http://shop/"), 400,
				"malformed-segment");
		assertThat(sessions()).isZero();
	}

	@Test
	void skipsRumEventsDatedOutsideTheWindow() throws Exception {
		long now = System.currentTimeMillis();
		String batch = String.join("\n", rumEvent(now), rumEvent(now - 30 * DAY), rumEvent(4_102_444_800_000L),
				rumEvent(1_000_000_000_000_000_000L));
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(base() + "/api/v2/rum?dd-api-key=" + this.app.clientToken().token()))
					.header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString(batch)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(JSON.readTree(response.body()).path("skipped").asInt()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from rum_event where session_id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aWriteTheDatabaseRefusesFailsAloneAndAnswers400() {
		// bypasses the readers, which would have replaced the NUL; the writes meet in one
		// batch of the group commit
		long now = System.currentTimeMillis();
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<CompletableFuture<WriteResult>> good = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String session = this.sessionId + "-" + i;
				good.add(CompletableFuture.supplyAsync(
						() -> this.committer.write(SegmentWrite.of(List.of(segment(session, "http://ok/", now)))),
						executor));
			}
			CompletableFuture<WriteResult> bad = CompletableFuture
				.supplyAsync(
						() -> this.committer
							.write(SegmentWrite.of(List.of(segment(this.sessionId, "http://a/\u0000", now)))),
						executor);
			good.forEach((write) -> assertThat(write.join().stored()).isEqualTo(1));
			assertThat(bad).failsWithin(Duration.ofSeconds(10))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(MalformedSegmentException.class);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private NewSegment segment(String session, String url, long now) {
		return new NewSegment(session, this.app.application().id(), "browser", "seq:0", 0, null, "rrweb",
				ContentEncoding.GZIP, new SegmentSummary(now, now, 1, true),
				new RecordingContext(url, null, null, null, null), 2, NativeIntakeIntegrationTests.gzip("[]"));
	}

	private String batch(long first, long last) {
		return """
				{"applicationId":"%s","sequence":0,"context":{},"events":[{"type":4,"timestamp":%d,"data":{"href":"http://a/","width":800,"height":600}},
				{"type":3,"timestamp":%d,"data":{"source":1,"positions":[]}}]}"""
			.formatted(this.app.application().id(), first, last);
	}

	private String rumEvent(long date) {
		return "{\"type\":\"error\",\"date\":" + date + ",\"session\":{\"id\":\"" + this.sessionId
				+ "\"},\"application\":{\"id\":\"" + this.app.application().id()
				+ "\"},\"error\":{\"message\":\"boom\"}}";
	}

	private HttpResponse<String> postNative(String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base() + "/ingest/v1/sessions/" + this.sessionId + "/segments"))
			.header("X-Replay-Token", this.app.clientToken().token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> postDatadog(long start, long end, String href)
			throws IOException, InterruptedException {
		String ids = "\"application\":{\"id\":\"%s\"},\"session\":{\"id\":\"%s\"},\"view\":{\"id\":\"v1\"}"
			.formatted(this.app.application().id(), this.sessionId);
		String segment = ("{%s,\"start\":%d,\"end\":%d,\"records_count\":2,\"records\":["
				+ "{\"type\":4,\"timestamp\":%d,\"data\":{\"href\":\"%s\",\"width\":1,\"height\":1}},"
				+ "{\"type\":3,\"timestamp\":%d,\"data\":{\"source\":1}}]}")
			.formatted(ids, start, end, start, href, end);
		String event = "{%s,\"start\":%d,\"end\":%d,\"records_count\":2,\"source\":\"browser\"}".formatted(ids, start,
				end);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, "segment", "blob", "application/octet-stream",
				DatadogIntakeIntegrationTests.zlib(segment.getBytes(StandardCharsets.UTF_8)));
		part(body, "event", "blob", "application/json", event.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest
			.newBuilder(URI.create(base() + "/api/v2/replay?dd-api-key=" + this.app.clientToken().token()))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static void part(ByteArrayOutputStream out, String name, String filename, String contentType,
			byte[] content) {
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from replay_session where id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://replay.dev/problems/" + type);
	}

}
