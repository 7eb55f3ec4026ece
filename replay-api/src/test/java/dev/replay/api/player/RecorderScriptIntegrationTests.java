package dev.replay.api.player;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder script over real HTTP, as every recorded page loads it: cacheable and
 * revalidated by its ETag, with no session and no cookie, whatever the request carries.
 */
@ReplayIntegrationTest
class RecorderScriptIntegrationTests {

	ReplayClient client;

	@Test
	void isCacheableAndRevalidatedByItsEtag() {
		HttpResponse<String> script = get(HttpRequest.newBuilder(this.client.uri("/sdk/recorder.js")));
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).containsAnyOf("application/javascript", "text/javascript"));
		assertThat(script.headers().allValues("Cache-Control")).containsExactly("max-age=300, public");
		assertThat(script.headers().firstValue("Pragma")).isEmpty();
		assertThat(script.headers().firstValue("Expires")).isEmpty();
		String etag = script.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = get(
				HttpRequest.newBuilder(this.client.uri("/sdk/recorder.js")).header("If-None-Match", etag));
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void setsNoCookieForAnonymousPages() {
		HttpResponse<String> script = get(HttpRequest.newBuilder(this.client.uri("/sdk/recorder.js")));
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void createsNoSessionForSignedInUsers() {
		// the admin of a site that records itself loads the script with credentials
		HttpResponse<String> script = get(HttpRequest.newBuilder(this.client.uri("/sdk/recorder.js"))
			.header("Authorization", ReplayClient.ADMIN_BASIC)
			.header("Cookie", "SESSION=unknown; JSESSIONID=unknown"));
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().allValues("Set-Cookie")).isEmpty();
	}

	private HttpResponse<String> get(HttpRequest.Builder request) {
		return this.client.send(request);
	}

}
