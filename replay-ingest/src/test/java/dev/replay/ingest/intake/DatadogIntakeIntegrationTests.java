package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestcontainersConfiguration.class)
@ExtendWith(CorpusApplications.class)
class DatadogIntakeIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RECORDED_SESSION = "5c3a1f05-14be-4012-9b69-982c5bb57f6f";

	private static final String BOUNDARY = "----ReplayTestBoundary7MA4YWxkTrZu0gW";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String sessionId = UUID.randomUUID().toString();

	static Stream<CapturedRequest> mobileRequests() {
		return TestCorpus.mobileRecordings().stream().flatMap((folder) -> TestCorpus.mobileRequests(folder).stream());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mobileRequests")
	void acceptsEveryMobileRequest(CapturedRequest request) {
		HttpResponse<String> response = TestCorpus.send(base(), request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(JSON.readTree(response.body()).path("request_id").asString()).isNotEmpty();
	}

	@Test
	void storesEveryMobileUploadOnceWhenSentAgain() {
		mobileRequests().forEach((request) -> assertThat(TestCorpus.send(base(), request).statusCode()).isEqualTo(202));
		Map<String, Long> before = counts();
		mobileRequests().forEach((request) -> assertThat(TestCorpus.send(base(), request).statusCode()).isEqualTo(202));
		assertThat(counts()).isEqualTo(before);
		assertThat(this.jdbc
			.sql("select distinct s.format::text "
					+ "from segment s join replay_session r on r.number = s.session_number where r.application_id = ?")
			.param(TestCorpus.MOBILE_APPLICATION)
			.query(String.class)
			.list()).containsExactly("datadog-mobile");
		assertThat(this.jdbc.sql("select distinct content_type from replay_resource where application_id = ?")
			.param(TestCorpus.MOBILE_APPLICATION)
			.query(String.class)
			.list()).contains("image/webp", "image/png");
	}

	static Stream<CapturedRequest> badMobileRequests() {
		return TestCorpus.mobileRequests("bad").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badMobileRequests")
	void rejectsEveryBadMobileRequestAndStoresNothing(CapturedRequest request) {
		Map<String, Long> before = counts();
		HttpResponse<String> response = TestCorpus.send(base(), request);
		assertProblem(response, request.expectedStatus());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void storesBrowserSegmentAsReceivedWithItsSessionAndView() throws Exception {
		HttpResponse<String> response = post(browserUpload().withQuery(query(UUID.randomUUID().toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(JSON.readTree(response.body()).path("stored").asInt()).isEqualTo(1);
		Map<String, Object> segment = this.jdbc
			.sql("select s.format::text as format, s.encoding::text as encoding, r.event_count, r.has_full_snapshot, "
					+ "s.body from segment s join replay_session r on r.number = s.session_number where r.id = ?")
			.param(this.sessionId)
			.query()
			.singleRow();
		assertThat(segment).containsEntry("format", "datadog-browser")
			.containsEntry("encoding", "zlib")
			.containsEntry("event_count", 33L)
			.containsEntry("has_full_snapshot", true);
		assertThat((byte[]) segment.get("body")).isEqualTo(zlib(segmentJson()));
		assertThat(this.jdbc.sql("select source from replay_session where id = ?")
			.param(this.sessionId)
			.query(String.class)
			.single()).isEqualTo("browser");
		assertThat(this.jdbc.sql("select url from session_view where session_id = ?")
			.param(this.sessionId)
			.query(String.class)
			.single()).isEqualTo("http://127.0.0.1:8090/errors-console.html");
	}

	@Test
	void storesRepeatedSegmentOnceWhateverItsRequestId() throws Exception {
		assertThat(post(browserUpload().withQuery(query(UUID.randomUUID().toString()))).statusCode()).isEqualTo(202);
		HttpResponse<String> again = post(browserUpload().withQuery(query(UUID.randomUUID().toString())));
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(again.body()).path("duplicates").asInt()).isEqualTo(1);
		assertThat(storedSegments(this.sessionId)).isEqualTo(1);
	}

	@Test
	void storesNothingForRequestIdSeenBefore() throws Exception {
		String requestId = UUID.randomUUID().toString();
		assertThat(post(browserUpload().withQuery(query(requestId))).statusCode()).isEqualTo(202);
		String firstSession = this.sessionId;
		this.sessionId = UUID.randomUUID().toString();
		HttpResponse<String> retry = post(browserUpload().withQuery(query(requestId)));
		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(retry.body()).path("stored").asInt()).isZero();
		assertThat(storedSegments(firstSession)).isEqualTo(1);
		assertThat(storedSegments(this.sessionId)).isZero();
	}

	@Test
	void acceptsReplayThroughProxyEndpoint() throws Exception {
		String forward = "/api/v2/replay?" + query(UUID.randomUUID().toString());
		HttpResponse<String> response = post(browserUpload().withPath("/intake")
			.withQuery("ddforward=" + URLEncoder.encode(forward, StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(storedSegments(this.sessionId)).isEqualTo(1);
	}

	@Test
	void keepsRumBatchWithItsSessionsAndCountsBadLines() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String lines = """
				{"type":"view","date":1700000000000,"application":{"id":"%1$s"},"session":{"id":"%2$s"},"view":{"id":"v1"}}
				not json
				{"type":"action","date":1700000000001,"application":{"id":"%1$s"},"session":{"id":"%2$s"}}
				"""
			.formatted(TestCorpus.BROWSER_APPLICATION, this.sessionId);
		Post rum = new Post("/api/v2/rum", query(requestId), Map.of("Content-Type", "text/plain;charset=UTF-8"),
				lines.getBytes(StandardCharsets.UTF_8));
		assertThat(post(rum).statusCode()).isEqualTo(202);
		assertThat(post(rum).statusCode()).isEqualTo(202);
		Map<String, Object> batch = this.jdbc
			.sql("select track, line_count, skipped_lines, application_id from rum_batch where request_id = ?")
			.param(requestId)
			.query()
			.singleRow();
		assertThat(batch).containsEntry("track", "rum")
			.containsEntry("line_count", 3)
			.containsEntry("skipped_lines", 1)
			.containsEntry("application_id", TestCorpus.BROWSER_APPLICATION);
		assertThat(this.jdbc.sql("select count(*) from rum_batch_session where session_id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void rejectsProxyRequestWithoutKnownTrack() throws Exception {
		HttpResponse<String> response = post(browserUpload().withPath("/intake")
			.withQuery("ddforward=" + URLEncoder.encode("/api/v2/other?x=1", StandardCharsets.UTF_8)));
		assertProblem(response, 400);
		assertThat(JSON.readTree(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/invalid-proxy-request");
	}

	static Stream<Arguments> malformedBrowserUploads() {
		return Stream.of(
				malformed("truncated zlib",
						(t) -> t.browserUpload()
							.withSegment(Arrays.copyOf(zlib(t.segmentJson()), zlib(t.segmentJson()).length / 2)),
						400, "malformed-segment"),
				malformed("segment not compressed",
						(t) -> t.browserUpload().withSegment(t.segmentJson().getBytes(StandardCharsets.UTF_8)), 400,
						"malformed-segment"),
				malformed("wrong part names", (t) -> t.browserUpload().renamePart("segment", "file"), 400,
						"malformed-body"),
				malformed("missing event part", (t) -> t.browserUpload().withoutPart("event"), 400, "malformed-body"),
				malformed("two event parts", (t) -> t.browserUpload().withExtraEvent(), 400, "malformed-body"),
				malformed("metadata contradicts the segment's session",
						(t) -> t.browserUpload()
							.withEvent(t.eventJson().replace(t.sessionId, UUID.randomUUID().toString())),
						400, "malformed-segment"),
				malformed("metadata contradicts the records count",
						(t) -> t.browserUpload()
							.withEvent(t.eventJson().replace("\"records_count\":33", "\"records_count\":34")),
						400, "malformed-segment"),
				malformed("segment without records",
						(t) -> t.browserUpload().withSegment(zlib("{\"session\":{\"id\":\"" + t.sessionId + "\"}}")),
						400, "malformed-segment"),
				malformed("record without timestamp", (t) -> t.browserUpload()
					.withSegment(zlib(t.segmentJson().replaceFirst("\"timestamp\":\\d+", "\"timestamp\":\"x\""))), 400,
						"malformed-segment"),
				malformed("deflate bomb", (t) -> t.browserUpload().withSegment(bomb()), 413, "payload-too-large"),
				malformed("segment nested 100,000 deep",
						(t) -> t.browserUpload().withSegment(zlib("{\"records\":[" + "[".repeat(100_000))), 400,
						"malformed-segment"),
				malformed("event nested 100,000 deep", (t) -> t.browserUpload().withEvent("[".repeat(100_000)), 400,
						"malformed-segment"),
				malformed("event not JSON", (t) -> t.browserUpload().withEvent("{\"start\":"), 400,
						"malformed-segment"),
				malformed("non-multipart body",
						(t) -> t.browserUpload().withContentType("application/json").withBody(zlib(t.segmentJson())),
						415, "unsupported-media-type"),
				malformed("multipart without its boundary",
						(t) -> t.browserUpload().withBody("just text".getBytes(StandardCharsets.UTF_8)), 400,
						"malformed-body"),
				malformed("multipart cut before its closing boundary",
						(t) -> t.browserUpload().withBody(Arrays.copyOf(t.browserUpload().body(), 200)), 400,
						"malformed-body"),
				malformed("gzip coding on a plain body",
						(t) -> t.browserUpload().withHeader("Content-Encoding", "gzip"), 400, "malformed-body"),
				malformed("missing client token", (t) -> t.browserUpload().withQuery("dd-request-id=x"), 401,
						"invalid-client-token"),
				malformed("unknown client token",
						(t) -> t.browserUpload().withQuery("dd-api-key=pubunknown00000000000"), 401,
						"invalid-client-token"),
				malformed("application that does not exist",
						(t) -> t.browserUpload()
							.withEvent(t.eventJson()
								.replace(TestCorpus.BROWSER_APPLICATION.toString(), UUID.randomUUID().toString())),
						403, "application-not-allowed"));
	}

	private static Arguments malformed(String name, Function<DatadogIntakeIntegrationTests, Post> input, int status,
			String type) {
		return Arguments.of(name, input, status, type);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBrowserUploads")
	void rejectsMalformedBrowserUploadAndStoresNothing(String name, Function<DatadogIntakeIntegrationTests, Post> input,
			int status, String type) throws Exception {
		Map<String, Long> before = counts();
		HttpResponse<String> response = post(input.apply(this));
		assertProblem(response, status);
		assertThat(JSON.readTree(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/" + type);
		assertThat(counts()).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from replay_session where id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single()).isZero();
	}

	Post browserUpload() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
		Post post = new Post("/api/v2/replay", query(UUID.randomUUID().toString()), headers, new byte[0]);
		return post.withParts(List.of(
				new FormPart("segment", this.sessionId + "-1795731306696", "application/octet-stream",
						zlib(segmentJson())),
				new FormPart("event", "blob", "application/json", eventJson().getBytes(StandardCharsets.UTF_8))));
	}

	String segmentJson() {
		return recorded("0001.segment.json");
	}

	String eventJson() {
		return recorded("0001.event.json");
	}

	private String recorded(String file) {
		return TestCorpus.browserFile("errors-console", file).replace(RECORDED_SESSION, this.sessionId);
	}

	private static String query(String requestId) {
		return "ddsource=browser&dd-api-key=" + TestCorpus.CLIENT_TOKEN
				+ "&dd-evp-origin-version=7.16.2&dd-evp-origin=browser&dd-request-id=" + requestId;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private HttpResponse<String> post(Post post) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create(base() + post.path() + (post.query().isEmpty() ? "" : "?" + post.query())))
			.POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
		post.headers().forEach(builder::header);
		return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(status);
	}

	private long storedSegments(String session) {
		return this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
			.param(session)
			.query(Long.class)
			.single();
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("segment", "replay_session", "session_view", "replay_resource", "intake_request",
				"rum_batch")) {
			counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	static byte[] zlib(String text) {
		return zlib(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] zlib(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(bytes);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	static byte[] bomb() {
		byte[] json = new byte[32 * 1024 * 1024];
		Arrays.fill(json, (byte) ' ');
		byte[] prefix = "{\"records\":[".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(prefix, 0, json, 0, prefix.length);
		return zlib(json);
	}

	record FormPart(String name, String filename, String contentType, byte[] content) {

	}

	record Post(String path, String query, Map<String, String> headers, byte[] body, List<FormPart> parts) {

		Post(String path, String query, Map<String, String> headers, byte[] body) {
			this(path, query, headers, body, List.of());
		}

		Post withParts(List<FormPart> value) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (FormPart part : value) {
				out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name()
						+ "\"; filename=\"" + part.filename() + "\"\r\nContent-Type: " + part.contentType()
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.writeBytes(part.content());
				out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return new Post(this.path, this.query, this.headers, out.toByteArray(), value);
		}

		Post withSegment(byte[] content) {
			return replacePart("segment", content);
		}

		Post withEvent(String json) {
			return replacePart("event", json.getBytes(StandardCharsets.UTF_8));
		}

		Post withExtraEvent() {
			List<FormPart> parts = new ArrayList<>(this.parts);
			parts.add(this.parts.get(1));
			return withParts(parts);
		}

		Post renamePart(String from, String to) {
			return withParts(this.parts.stream()
				.map((part) -> part.name().equals(from)
						? new FormPart(to, part.filename(), part.contentType(), part.content()) : part)
				.toList());
		}

		Post withoutPart(String name) {
			return withParts(this.parts.stream().filter((part) -> !part.name().equals(name)).toList());
		}

		Post withPath(String value) {
			return new Post(value, this.query, this.headers, this.body, this.parts);
		}

		Post withQuery(String value) {
			return new Post(this.path, value, this.headers, this.body, this.parts);
		}

		Post withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Post(this.path, this.query, headers, this.body, this.parts);
		}

		Post withContentType(String value) {
			return withHeader("Content-Type", value);
		}

		Post withBody(byte[] value) {
			return new Post(this.path, this.query, this.headers, value, this.parts);
		}

		private Post replacePart(String name, byte[] content) {
			return withParts(this.parts.stream()
				.map((part) -> part.name().equals(name)
						? new FormPart(part.name(), part.filename(), part.contentType(), content) : part)
				.toList());
		}

	}

}
