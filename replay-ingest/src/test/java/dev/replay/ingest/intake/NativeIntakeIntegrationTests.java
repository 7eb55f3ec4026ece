package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.application.ClientTokenDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
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
@ExtendWith(NewApplications.class)
class NativeIntakeIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CreatedApplication app;

	String sessionId = UUID.randomUUID().toString();

	@Test
	void storesValidBatchAndAnswers202AfterCommit() throws Exception {
		HttpResponse<String> response = post(valid());
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(response.body()).path("duplicate").asBoolean()).isFalse();
		assertThat(storedSegments()).isEqualTo(1);
		assertThat(this.jdbc.sql("select event_count from replay_session where id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void storesRepeatedSequenceOnce() throws Exception {
		assertThat(post(valid()).statusCode()).isEqualTo(202);
		HttpResponse<String> again = post(valid());
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
		assertThat(storedSegments()).isEqualTo(1);
	}

	@Test
	void acceptsBeaconWithTokenInQueryAndPlainText() throws Exception {
		Post beacon = new Post(this.sessionId, "?token=" + token(), null,
				batch(applicationId(), 0).getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8", null);
		assertThat(post(beacon).statusCode()).isEqualTo(202);
		assertThat(storedSegments()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void rejectsBadInputAndStoresNothing(String name, Function<NativeIntakeIntegrationTests, Post> input, int status,
			String problemType) throws Exception {
		HttpResponse<String> response = post(input.apply(this));
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://replay.dev/problems/" + problemType);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(storedSegments()).isZero();
		assertThat(this.jdbc.sql("select count(*) from replay_session where id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single()).isZero();
	}

	static Stream<Arguments> badInputs() {
		return Stream.of(bad("missing token", (t) -> t.valid().withToken(null), 401, "invalid-client-token"),
				bad("unknown token", (t) -> t.valid().withToken("pubnotatoken0000"), 401, "invalid-client-token"),
				bad("revoked token", (t) -> t.valid().withToken(t.revokedToken()), 401, "invalid-client-token"),
				bad("token of another application", (t) -> t.valid().withToken(t.otherToken()), 403,
						"application-not-allowed"),
				bad("application that does not exist",
						(t) -> t.valid()
							.withToken(t.globalToken())
							.withBody(gzip(batch(UUID.randomUUID().toString(), 0))),
						403, "application-not-allowed"),
				bad("malformed JSON", (t) -> t.valid().withBody(gzip("{\"applicationId\":")), 400, "malformed-segment"),
				bad("missing events",
						(t) -> t.valid()
							.withBody(gzip("{\"applicationId\":\"" + t.applicationId() + "\",\"sequence\":0}")),
						400, "malformed-segment"),
				bad("empty events",
						(t) -> t.valid()
							.withBody(gzip(
									"{\"applicationId\":\"" + t.applicationId() + "\",\"sequence\":0,\"events\":[]}")),
						400, "malformed-segment"),
				bad("application id not a UUID", (t) -> t.valid().withBody(gzip(batch("not-a-uuid", 0))), 400,
						"malformed-segment"),
				bad("invalid session id", (t) -> t.valid().withSession("bad%20id"), 400, "malformed-segment"),
				bad("corrupt gzip", (t) -> t.valid().withBody("not gzip at all".getBytes(StandardCharsets.UTF_8)), 400,
						"malformed-segment"),
				bad("body over the size limit",
						(t) -> t.valid().withContentEncoding(null).withBody(new byte[2 * 1024 * 1024]), 413,
						"payload-too-large"),
				bad("deflate bomb", (t) -> t.valid().withBody(deflateBomb(t.applicationId())), 413,
						"payload-too-large"),
				bad("wrong media type", (t) -> t.valid().withContentType("application/xml"), 415,
						"unsupported-media-type"),
				bad("unsupported content coding", (t) -> t.valid().withContentEncoding("br"), 415,
						"unsupported-media-type"));
	}

	private static Arguments bad(String name, Function<NativeIntakeIntegrationTests, Post> input, int status,
			String type) {
		return Arguments.of(name, input, status, type);
	}

	@Test
	void rejectsSessionOfAnotherApplicationAndLeavesItUnchanged(CreatedApplication owner) throws Exception {
		Post first = new Post(this.sessionId, "", owner.clientToken().token(),
				gzip(batch(owner.application().id().toString(), 0)), "application/json", "gzip");
		assertThat(post(first).statusCode()).isEqualTo(202);
		HttpResponse<String> response = post(valid().withBody(gzip(batch(applicationId(), 1))));
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/session-conflict");
		assertThat(storedSegments()).isEqualTo(1);
	}

	Post valid() {
		return new Post(this.sessionId, "", token(), gzip(batch(applicationId(), 0)), "application/json", "gzip");
	}

	String token() {
		return this.app.clientToken().token();
	}

	String applicationId() {
		return this.app.application().id().toString();
	}

	String revokedToken() {
		String value = "pubrevoked" + UUID.randomUUID().toString().replace("-", "");
		ClientTokenDetails token = this.registry.createClientToken("revoked", value,
				List.of(this.app.application().id()));
		this.registry.revokeClientToken(token.id());
		return value;
	}

	String otherToken() {
		return this.registry.createApplication("other", null).clientToken().token();
	}

	String globalToken() {
		return this.registry.createClientToken("global", null, null).token();
	}

	private long storedSegments() {
		return this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> post(Post post) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/ingest/v1/sessions/" + post.session()
					+ "/segments" + post.query()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
		if (post.token() != null) {
			builder.header("X-Replay-Token", post.token());
		}
		if (post.contentType() != null) {
			builder.header("Content-Type", post.contentType());
		}
		if (post.contentEncoding() != null) {
			builder.header("Content-Encoding", post.contentEncoding());
		}
		return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String batch(String applicationId, int sequence) {
		return """
				{"applicationId":"%s","sequence":%d,"events":[{"type":4,"timestamp":1795731280660,"data":{"href":"http://a/","width":800,"height":600}},
				{"type":3,"timestamp":1795731280700,"data":{"source":1,"positions":[]}}]}"""
			.formatted(applicationId, sequence);
	}

	static byte[] deflateBomb(String applicationId) {
		byte[] prefix = ("{\"applicationId\":\"" + applicationId + "\",\"sequence\":0,\"events\":[")
			.getBytes(StandardCharsets.UTF_8);
		byte[] json = new byte[64 * 1024 * 1024];
		java.util.Arrays.fill(json, (byte) ' ');
		System.arraycopy(prefix, 0, json, 0, prefix.length);
		return gzip(json);
	}

	static byte[] gzip(String text) {
		return gzip(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	record Post(String session, String query, @Nullable String token, byte[] body, @Nullable String contentType,
			@Nullable String contentEncoding) {

		Post withToken(@Nullable String value) {
			return new Post(this.session, this.query, value, this.body, this.contentType, this.contentEncoding);
		}

		Post withBody(byte[] value) {
			return new Post(this.session, this.query, this.token, value, this.contentType, this.contentEncoding);
		}

		Post withSession(String value) {
			return new Post(value, this.query, this.token, this.body, this.contentType, this.contentEncoding);
		}

		Post withContentType(@Nullable String value) {
			return new Post(this.session, this.query, this.token, this.body, value, this.contentEncoding);
		}

		Post withContentEncoding(@Nullable String value) {
			return new Post(this.session, this.query, this.token, this.body, this.contentType, value);
		}

	}

}
