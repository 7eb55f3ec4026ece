package dev.replay.api.redaction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import dev.replay.DatadogRecordings;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redactions of real corpus sessions, read back through every read path. The context has
 * a database of its own, because an application-wide rule on the Datadog corpus
 * applications would change other tests' sessions.
 */
@ReplayIntegrationTest
@TestPropertySource(properties = TestcontainersConfiguration.OWN_DATABASE + "=true")
class RedactionIntegrationTests {

	// the build number in the errors page's badge and its console message
	private static final String BUILD = "7f3a9c";

	// lines the errors page writes into its #log list after clicks
	private static final List<String> LOG_LINES = List.of("wrote 3 console messages", "blocked main thread");

	// part of the page's URL, where it is URL-encoded
	private static final String RECORDING_ID = "rrweb/errors-console";

	private static final String ENCODED_RECORDING_ID = "rrweb%2Ferrors-console";

	ReplayClient client;

	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rrwebSessionShowsARedactedTextAndSelectorOnNoReadPath() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		assertThat(reads(sessionId)).contains(BUILD, ENCODED_RECORDING_ID).contains(LOG_LINES);
		TestUser editor = this.users.create("editor");
		assertThat(redact(sessionId, editor, Map.of("text", BUILD, "selector", "#log")).statusCode()).isEqualTo(201);
		assertThat(redact(sessionId, editor, Map.of("text", RECORDING_ID)).statusCode()).isEqualTo(201);
		// applied on read at once, before the keyframes are rebuilt
		assertThat(reads(sessionId)).doesNotContain(BUILD, ENCODED_RECORDING_ID, RECORDING_ID)
			.doesNotContain(LOG_LINES)
			.contains("Something went wrong");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		String afterRebuild = reads(sessionId) + storedKeyframes(sessionId);
		assertThat(afterRebuild).doesNotContain(BUILD, ENCODED_RECORDING_ID, RECORDING_ID).doesNotContain(LOG_LINES);
		assertThat(storedKeyframes(sessionId)).contains("Something went wrong");
	}

	@Test
	void applicationRuleHoldsForADatadogBrowserSessionRecordedAfterIt() throws Exception {
		DatadogRecordings.createApplications(this.client);
		HttpResponse<String> rule = this.users.send("POST", "/api/v1/redactions", this.users.create("editor").basic(),
				Map.of("applicationId", TestCorpus.BROWSER_APPLICATION.toString(), "text", BUILD, "selector", "#log"));
		assertThat(rule.statusCode()).isEqualTo(201);
		assertThat(ReplayClient.json(rule.body()).path("sessionId").isMissingNode()
				|| ReplayClient.json(rule.body()).path("sessionId").isNull())
			.isTrue();
		String sessionId = DatadogRecordings.ingestBrowser(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		assertThat(keyframeOffsets(sessionId)).isNotEmpty();
		assertThat(reads(sessionId) + storedKeyframes(sessionId)).doesNotContain(BUILD).doesNotContain(LOG_LINES);
		assertThat(events(sessionId, "")).contains("Something went wrong");
	}

	@Test
	void mobileSessionShowsARedactedTextAndSelectorOnNoReadPath() throws Exception {
		String sessionId = DatadogRecordings.ingestMobile(this.client, "android-shop-login-list-detail");
		Indexing.awaitIndexed(this.jdbc, sessionId);
		String review = "Lovely light, easy on the eyes.";
		String other = "Exactly as pictured. Fast delivery!";
		assertThat(reads(sessionId)).contains(review, other, "Welcome back to Shopist");
		TestUser editor = this.users.create("editor");
		assertThat(redact(sessionId, editor, Map.of("text", review)).statusCode()).isEqualTo(201);
		assertThat(reads(sessionId)).doesNotContain(review).contains(other);
		assertThat(redact(sessionId, editor, Map.of("selector", ".dd-text")).statusCode()).isEqualTo(201);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		assertThat(reads(sessionId) + storedKeyframes(sessionId)).doesNotContain(review, other,
				"Welcome back to Shopist");
	}

	@Test
	void leavesOtherSessionsUnchanged() throws Exception {
		String redacted = RrwebCorpus.ingest(this.client, "errors-console");
		String other = RrwebCorpus.ingest(this.client, "errors-console");
		Indexing.awaitIndexed(this.jdbc, redacted);
		Indexing.awaitIndexed(this.jdbc, other);
		String before = events(other, "");
		JsonNode session = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + redacted).body());
		HttpResponse<String> rule = this.users.send("POST", "/api/v1/sessions/" + redacted + "/redactions",
				this.users.create("admin").basic(),
				Map.of("text", BUILD, "applicationId", session.path("applicationId").asString()));
		assertThat(rule.statusCode()).isEqualTo(201);
		assertThat(events(redacted, "")).doesNotContain(BUILD);
		assertThat(events(other, "")).isEqualTo(before).contains(BUILD);
	}

	@Test
	void searchesDoNotFindASessionByWhatItsRulesMask() throws Exception {
		JsonNode application = this.client.createApplication("redacted search " + UUID.randomUUID());
		String applicationId = application.path("id").asString();
		String sessionId = UUID.randomUUID().toString();
		List<ArrayNode> batches = RrwebCorpus.batches("errors-console");
		for (int i = 0; i < batches.size(); i++) {
			ObjectNode batch = ReplayClient.mapper().createObjectNode();
			batch.put("applicationId", applicationId);
			batch.put("sequence", i);
			batch.set("events", batches.get(i));
			batch.putObject("context").put("url", RrwebCorpus.manifest("errors-console").path("pageUrl").asString());
			assertThat(this.client
				.postSegment(sessionId, application.path("clientToken").asString(),
						ReplayClient.mapper().writeValueAsBytes(batch), null)
				.statusCode()).isEqualTo(202);
		}
		String error = "checkout failed for order 4242-7781";
		String event = "{\"type\":\"error\",\"date\":" + System.currentTimeMillis() + ",\"application\":{\"id\":\""
				+ applicationId + "\"},\"session\":{\"id\":\"" + sessionId + "\",\"type\":\"user\"},\"view\":{\"id\":\""
				+ UUID.randomUUID() + "\",\"url\":\"https://shop.example/checkout\"},\"error\":{\"message\":\"" + error
				+ "\",\"source\":\"source\"}}";
		HttpResponse<String> rum = this.client.send(HttpRequest
			.newBuilder(this.client
				.uri("/api/v2/rum?ddsource=browser&dd-api-key=" + application.path("clientToken").asString()))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(event + "\n")));
		assertThat(rum.statusCode()).as(rum.body()).isEqualTo(202);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		String search = "/api/v1/sessions?applicationId=" + applicationId;
		// the recording's URL holds its id URL-encoded: rid=rrweb%2Ferrors-console
		String byRecordingId = search + "&url=rid%3Drrweb";
		assertThat(foundIds(search + "&error=4242-7781")).containsExactly(sessionId);
		assertThat(foundIds(byRecordingId)).containsExactly(sessionId);
		TestUser editor = this.users.create("editor");

		assertThat(redact(sessionId, editor, Map.of("text", "order 4242-7781")).statusCode()).isEqualTo(201);
		assertThat(foundIds(search + "&error=4242-7781")).isEmpty();
		assertThat(foundIds(search + "&error=checkout%20failed")).containsExactly(sessionId);
		assertThat(foundIds(search + "&error=checkout%20failed&url=rid%3Drrweb")).containsExactly(sessionId);
		assertThat(foundIds(search + "&error=4242-7781&url=rid%3Drrweb")).isEmpty();
		assertThat(redact(sessionId, editor, Map.of("text", RECORDING_ID)).statusCode()).isEqualTo(201);
		assertThat(foundIds(byRecordingId)).isEmpty();
		assertThat(foundIds(search + "&url=errors-console.html")).containsExactly(sessionId);
	}

	@Test
	void refusesViewersAndAnswersProblemsForInvalidRules() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		TestUser viewer = this.users.create("viewer");
		assertThat(redact(sessionId, viewer, Map.of("text", BUILD)).statusCode()).isEqualTo(403);
		assertThat(this.users.send("GET", "/api/v1/sessions/" + sessionId + "/redactions", viewer.basic(), null)
			.statusCode()).isEqualTo(403);
		TestUser editor = this.users.create("editor");
		assertProblem(redact(sessionId, editor, Map.of("text", "")), 400, "invalid-redaction");
		assertProblem(redact(sessionId, editor, Map.of("text", "   ")), 400, "invalid-redaction");
		assertProblem(redact(sessionId, editor, Map.of("text", "x".repeat(501))), 400, "invalid-redaction");
		assertProblem(redact(sessionId, editor, Map.of("selector", "div[")), 400, "invalid-redaction");
		assertProblem(redact(sessionId, editor, Map.of()), 400, "invalid-redaction");
		assertProblem(
				redact(sessionId, editor,
						Map.of("text", BUILD, "applicationId", TestCorpus.MOBILE_APPLICATION.toString())),
				400, "invalid-redaction");
		assertProblem(redact("no-such-session", editor, Map.of("text", BUILD)), 404, "session-not-found");
		assertProblem(this.users.send("POST", "/api/v1/redactions", editor.basic(), Map.of("text", BUILD)), 400,
				"invalid-redaction");
		assertThat(this.users.send("GET", "/api/v1/sessions/" + sessionId + "/redactions", editor.basic(), null).body())
			.isEqualTo("[]");
		assertThat(this.jdbc.sql("select count(*) from redaction_rule where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void auditsWhoMadeWhichRuleForWhichSessions() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		TestUser editor = this.users.create("editor");
		HttpResponse<String> created = redact(sessionId, editor, Map.of("text", BUILD, "selector", "#log"));
		JsonNode rule = ReplayClient.json(created.body());
		assertThat(rule.path("text").asString()).isEqualTo(BUILD);
		assertThat(rule.path("createdBy").asString()).isEqualTo(editor.username());
		Map<String, Object> audit = this.jdbc
			.sql("select actor, target_type, target_id, details::text as details from audit_event "
					+ "where action = 'session.redacted' and target_id = ?")
			.param(sessionId)
			.query()
			.singleRow();
		assertThat(audit).containsEntry("actor", editor.username()).containsEntry("target_type", "session");
		assertThat((String) audit.get("details")).contains(rule.path("id").asString())
			.contains("\"selector\": \"#log\"")
			.contains("\"textLength\": 6")
			.doesNotContain(BUILD);
		JsonNode listed = ReplayClient
			.json(this.users.send("GET", "/api/v1/sessions/" + sessionId + "/redactions", editor.basic(), null).body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asString()).isEqualTo(rule.path("id").asString());
		String applicationId = rule.path("applicationId").asString();
		HttpResponse<String> wide = this.users.send("POST", "/api/v1/redactions", editor.basic(),
				Map.of("applicationId", applicationId, "selector", ".banner"));
		assertThat(wide.statusCode()).isEqualTo(201);
		assertThat(this.jdbc
			.sql("select details ->> 'sessions' from audit_event where action = 'application.redacted' "
					+ "and target_id = ?")
			.param(applicationId)
			.query(String.class)
			.single()).isEqualTo("1");
		assertThat(ReplayClient
			.json(this.users.send("GET", "/api/v1/redactions?applicationId=" + applicationId, editor.basic(), null)
				.body()))
			.hasSize(1);
	}

	private List<String> foundIds(String path) {
		return ReplayClient.json(read(path))
			.path("items")
			.valueStream()
			.map((item) -> item.path("id").asString())
			.toList();
	}

	private HttpResponse<String> redact(String sessionId, TestUser user, Map<String, String> rule) {
		return this.users.send("POST", "/api/v1/sessions/" + sessionId + "/redactions", user.basic(), rule);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/" + type);
	}

	// every read of a session an API user can make, one after the other
	private String reads(String sessionId) throws IOException {
		List<String> bodies = new ArrayList<>();
		bodies.add(events(sessionId, ""));
		List<Long> offsets = keyframeOffsets(sessionId);
		if (!offsets.isEmpty()) {
			long middle = offsets.get(offsets.size() / 2);
			HttpResponse<String> window = this.client
				.getAsAdmin("/api/v1/sessions/" + sessionId + "/events?continuation=true&from=" + middle);
			assertThat(window.statusCode()).isEqualTo(200);
			assertThat(window.headers().firstValue("Replay-Window-Start")).hasValue(Long.toString(middle));
			bodies.add(window.body());
		}
		bodies.add(events(sessionId, "preview=true"));
		JsonNode session = ReplayClient.json(read("/api/v1/sessions/" + sessionId));
		bodies.add(session.toString());
		bodies.add(read("/api/v1/sessions?applicationId=" + session.path("applicationId").asString()));
		for (String path : List.of("views", "timeline", "rum", "rum/summary", "assets")) {
			bodies.add(read("/api/v1/sessions/" + sessionId + "/" + path));
		}
		bodies.add(read("/api/v2/rum/replay/viewership-history/sessions"));
		return String.join("\n", bodies);
	}

	private String events(String sessionId, String query) {
		return read("/api/v1/sessions/" + sessionId + "/events" + (query.isEmpty() ? "" : "?" + query));
	}

	private String read(String path) {
		HttpResponse<String> response = this.client.getAsAdmin(path);
		// a session without RUM events has no RUM summary
		assertThat(response.statusCode()).as(path).isIn(200, path.endsWith("rum/summary") ? 404 : 200);
		return response.body();
	}

	private List<Long> keyframeOffsets(String sessionId) {
		return this.jdbc.sql("select offset_ms from keyframe where session_id = ? and offset_ms > 0 order by offset_ms")
			.param(sessionId)
			.query(Long.class)
			.list();
	}

	private String storedKeyframes(String sessionId) throws IOException {
		StringBuilder text = new StringBuilder();
		for (byte[] column : this.jdbc.sql("select events from keyframe where session_id = ?")
			.param(sessionId)
			.query((rs, row) -> rs.getBytes(1))
			.list()) {
			assertThat(column).isNotNull();
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(column))) {
				text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(text).isNotEmpty();
		return text.toString();
	}

}
