package dev.replay.api.playback;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloading corpus sessions (rrweb, Datadog browser and mobile) as rrweb events and as
 * one HTML file: the events are those playback streams, the download is audited as a
 * playback in the context {@code export}, and it is refused as playback is.
 */
@ReplayIntegrationTest
class SessionExportIntegrationTests {

	private static final Pattern EVENTS_ELEMENT = Pattern
		.compile("<script type=\"application/json\" id=\"replay-events\">(.*?)</script>", Pattern.DOTALL);

	ReplayClient client;

	TestUsers users;

	TestSessions sessions;

	TestSessions other;

	@ParameterizedTest
	@ValueSource(strings = { "rrweb/long-article", "datadog/spa-router", "mobile/android-shop-login-list-detail" })
	void theRrwebExportHoldsTheEventsThatPlaybackStreams(String recording) throws IOException {
		String sessionId = ingest(recording);
		HttpResponse<String> played = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		HttpResponse<String> exported = export(sessionId, "rrweb", ReplayClient.ADMIN_BASIC);
		assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(exported.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"replay-session-" + sessionId + ".rrweb.json\"");
		assertThat(exported.body()).isEqualTo(played.body());
		JsonNode events = ReplayClient.json(exported.body());
		assertThat(events.size()).isGreaterThan(2);
		assertThat(events.valueStream().anyMatch((event) -> event.path("type").asInt() == 2)).as("a full snapshot")
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rrweb/form-inputs", "datadog/long-article", "mobile/ios-travel-login-list-detail" })
	void theHtmlExportCarriesTheSameEventsAndAPlayerAllowedToLoadNothing(String recording) throws IOException {
		String sessionId = ingest(recording);
		HttpResponse<String> exported = export(sessionId, "html", ReplayClient.ADMIN_BASIC);
		assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(exported.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"replay-session-" + sessionId + ".html\"");
		assertThat(exported.headers().firstValue("Cache-Control")).hasValue("no-store");
		String html = exported.body();
		assertThat(html).startsWith("<!doctype html>")
			.containsPattern("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
					+ "script-src 'sha256-[A-Za-z0-9+/=]+'; ")
			.doesNotContain("http-equiv=\"Content-Security-Policy\" content=\"{{")
			.contains("\"id\":\"" + sessionId + "\"");
		Matcher events = EVENTS_ELEMENT.matcher(html);
		assertThat(events.find()).isTrue();
		assertThat(events.group(1)).doesNotContain("<");
		String played = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body();
		// the images of a mobile recording are named by tokens, and carried in the file
		String resourceLinks = "/api/v1/sessions/" + sessionId + "/resources/";
		assertThat(ReplayClient.json(events.group(1).replace("replay-resource:", resourceLinks)))
			.isEqualTo(ReplayClient.json(played));
		if (recording.startsWith("mobile/")) {
			assertThat(played).contains(resourceLinks);
			assertThat(events.group(1)).doesNotContain(resourceLinks);
			assertThat(html).containsPattern("\"resource:[^\"]+\":\"data:image/[a-z+.-]+;base64,");
		}
		// every </script> of a recorded page is escaped: the page has exactly its own
		// elements
		assertThat(html.split("</script>", -1)).hasSize(5);
	}

	@Test
	void aRecordedScriptEndTagCannotEndTheDataElement() {
		String sessionId = record("[{\"type\":4,\"timestamp\":1000,\"data\":{\"href\":"
				+ "\"http://a/\",\"width\":1,\"height\":1}},{\"type\":2,\"timestamp\":1001,\"data\":{\"node\":"
				+ "{\"type\":0,\"childNodes\":[{\"type\":3,\"textContent\":\"</script><script>alert(1)</script><!--\","
				+ "\"id\":2}],\"id\":1},\"initialOffset\":{\"left\":0,\"top\":0}}}]");
		String html = export(sessionId, "html", ReplayClient.ADMIN_BASIC).body();
		assertThat(html).doesNotContain("<script>alert(1)").contains("\\u003c/script>\\u003cscript>alert(1)");
		Matcher events = EVENTS_ELEMENT.matcher(html);
		assertThat(events.find()).isTrue();
		assertThat(ReplayClient.json(events.group(1))
			.get(1)
			.path("data")
			.path("node")
			.path("childNodes")
			.get(0)
			.path("textContent")
			.asString()).isEqualTo("</script><script>alert(1)</script><!--");
	}

	@Test
	void anExportIsAuditedAsAPlaybackButIsNotAWatchEntry() {
		TestUser viewer = this.users.create("viewer");
		String sessionId = this.sessions.record();
		assertThat(export(sessionId, "html", viewer.basic()).statusCode()).isEqualTo(200);
		assertThat(export(sessionId, "rrweb", viewer.basic()).statusCode()).isEqualTo(200);
		JsonNode audit = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=session.played&targetId=" + sessionId).body())
			.path("items");
		assertThat(audit).hasSize(2);
		for (JsonNode event : audit) {
			assertThat(event.path("actor").asString()).isEqualTo(viewer.username());
			assertThat(event.path("details").path("context").asString()).isEqualTo("export");
			assertThat(event.path("details").path("applicationId").asString())
				.isEqualTo(this.sessions.applicationId().toString());
		}
		assertThat(ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/watchers").body())
			.path("watchedCount")
			.asLong()).isZero();
	}

	@Test
	void anUnknownSessionIsNotFound() {
		for (String format : List.of("html", "rrweb")) {
			HttpResponse<String> response = export("no-such-session", format, ReplayClient.ADMIN_BASIC);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
	}

	@Test
	void aSessionOfAnApplicationNotGrantedIsNotFoundAndNotAudited() {
		TestUser viewer = this.users.create("viewer");
		assertThat(this.users
			.send("PATCH", "/api/v1/users/" + viewer.id(), ReplayClient.ADMIN_BASIC,
					Map.of("applications", List.of(this.other.applicationId())))
			.statusCode()).isEqualTo(200);
		String sessionId = this.sessions.record();
		for (String format : List.of("html", "rrweb")) {
			HttpResponse<String> response = export(sessionId, format, viewer.basic());
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(this.client.get("/api/v1/sessions/" + sessionId + "/events", viewer.basic()).statusCode())
			.isEqualTo(404);
		assertThat(ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=session.played&targetId=" + sessionId).body())
			.path("items")).isEmpty();
	}

	@Test
	void anUnknownFormatIsABadRequest() {
		String sessionId = this.sessions.record();
		for (String format : List.of("pdf", "HTML", "")) {
			HttpResponse<String> response = export(sessionId, format, ReplayClient.ADMIN_BASIC);
			if (format.isEmpty()) {
				// an empty value takes the default
				assertThat(response.statusCode()).isEqualTo(200);
				continue;
			}
			assertThat(response.statusCode()).as(format).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(ReplayClient.json(response.body()).path("status").asInt()).isEqualTo(400);
		}
	}

	@Test
	void anAnonymousRequestIsUnauthorized() {
		String sessionId = this.sessions.record();
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions/" + sessionId + "/export?format=rrweb"))
				.header("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private String record(String events) {
		String sessionId = UUID.randomUUID().toString();
		String body = "{\"applicationId\":\"" + this.sessions.applicationId() + "\",\"sequence\":0,\"events\":" + events
				+ "}";
		HttpResponse<String> response = this.client.postSegment(sessionId, this.sessions.clientToken(),
				body.getBytes(StandardCharsets.UTF_8), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return sessionId;
	}

	private String ingest(String recording) throws IOException {
		String folder = recording.substring(recording.indexOf('/') + 1);
		if (recording.startsWith("datadog/")) {
			return DatadogRecordings.ingestBrowser(this.client, folder);
		}
		if (recording.startsWith("mobile/")) {
			return DatadogRecordings.ingestMobile(this.client, folder);
		}
		return RrwebCorpus.ingest(this.client, folder);
	}

	private HttpResponse<String> export(String sessionId, String format, String authorization) {
		return this.client.get("/api/v1/sessions/" + sessionId + "/export?format=" + format, authorization);
	}

}
