package dev.replay.api.player;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player page and the bundles it names over real HTTP, as a browser loads them: the
 * bundles, named by their content, are kept for a year and served without signing in; the
 * page itself, and every file under a fixed name, is never stored.
 */
@ReplayIntegrationTest
class HashedBundlesIntegrationTests {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"");

	private static final Pattern STYLESHEET = Pattern
		.compile("<link\\b[^>]*\\brel=\"stylesheet\"[^>]*\\bhref=\"([^\"]+)\"");

	private static final Pattern HASHED = Pattern.compile("/player/assets/[a-z]+-[A-Z0-9]{8}\\.(js|css)");

	private static final Pattern CHUNK_IMPORT = Pattern.compile("\"\\./(chunks/[\\w-]+-[A-Z0-9]{8}\\.js)\"");

	private static final List<String> IMMUTABLE = List.of("max-age=31536000", "public", "immutable");

	ReplayClient client;

	@Test
	void namesEachScriptAndStylesheetOfThePlayerPageByItsContent() {
		String page = playerPage().body();
		assertThat(references(page, SCRIPT)).hasSize(2).allMatch((src) -> HASHED.matcher(src).matches());
		assertThat(references(page, STYLESHEET)).hasSize(2).allMatch((href) -> HASHED.matcher(href).matches());
		assertThat(references(page, SCRIPT)).anyMatch((src) -> src.startsWith("/player/assets/player-"))
			.anyMatch((src) -> src.startsWith("/player/assets/early-"));
	}

	@Test
	void neverStoresThePlayerPage() {
		HttpResponse<String> page = playerPage();
		assertThat(cacheControl(page)).contains("no-store").doesNotContain("public", "immutable");
	}

	@Test
	void servesThePlayerPageScriptsToAnyoneForAYear() {
		for (String src : references(playerPage().body(), SCRIPT)) {
			assertImmutable(getAnonymously(src), "javascript");
		}
	}

	@Test
	void servesThePlayerPageStylesheetsToAnyoneForAYear() {
		for (String href : references(playerPage().body(), STYLESHEET)) {
			assertImmutable(getAnonymously(href), "text/css");
		}
	}

	@Test
	void setsNoCookieForSignedInUsers() {
		// a response that shared caches keep must never carry a cookie, the CSRF token's
		// least of all
		for (String src : references(playerPage().body(), SCRIPT)) {
			HttpResponse<String> script = this.client.send(HttpRequest.newBuilder(this.client.uri(src))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.header("Cookie", "SESSION=unknown; JSESSIONID=unknown"));
			assertImmutable(script, "javascript");
		}
	}

	@Test
	void compressesBundlesAndKeepsTheirCacheControl() {
		String player = references(playerPage().body(), SCRIPT).stream()
			.filter((src) -> src.startsWith("/player/assets/player-"))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> script = this.client
			.send(HttpRequest.newBuilder(this.client.uri(player)).header("Accept-Encoding", "gzip"));
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Encoding")).contains("gzip");
		// a shared cache must keep the compressed copy apart from the plain one
		assertThat(String.join(",", script.headers().allValues("Vary"))).containsIgnoringCase("accept-encoding");
		assertThat(cacheControl(script)).containsExactlyInAnyOrderElementsOf(IMMUTABLE);
	}

	@Test
	void servesTheAppChunksForAYearAndItsEntriesUncached() {
		HttpResponse<String> app = getAnonymously("/app/app.js");
		assertThat(app.statusCode()).isEqualTo(200);
		assertThat(cacheControl(app)).contains("no-store");
		Matcher chunk = CHUNK_IMPORT.matcher(app.body());
		assertThat(chunk.find()).as("a chunk imported by /app/app.js").isTrue();
		assertImmutable(getAnonymously("/app/" + chunk.group(1)), "javascript");
	}

	@Test
	void keepsNoStoreForFilesUnderFixedNames() {
		for (String path : List.of("/player/index.html", "/player/favicon.svg", "/app/app.css", "/app/chrome.css",
				"/app/login.html")) {
			HttpResponse<String> file = getAnonymously(path);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(cacheControl(file)).as(path).contains("no-store").doesNotContain("immutable");
		}
	}

	@Test
	void keepsNoBundleThatIsNotThere() {
		// the name of an earlier build, asked for after an upgrade: a 404 no one may keep
		HttpResponse<String> missing = getAnonymously("/player/assets/player-AAAAAAAA.js");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(cacheControl(missing)).contains("no-store").doesNotContain("immutable");
	}

	private HttpResponse<String> playerPage() {
		HttpResponse<String> page = this.client.getAsAdmin("/replays/abc");
		assertThat(page.statusCode()).isEqualTo(200);
		return page;
	}

	private HttpResponse<String> getAnonymously(String path) {
		return this.client.send(HttpRequest.newBuilder(this.client.uri(path)));
	}

	private static void assertImmutable(HttpResponse<String> response, String contentType) {
		String path = response.uri().getPath();
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.body()).as(path).isNotBlank();
		assertThat(response.headers().firstValue("Content-Type")).as(path)
			.hasValueSatisfying((type) -> assertThat(type).contains(contentType));
		assertThat(cacheControl(response)).as(path).containsExactlyInAnyOrderElementsOf(IMMUTABLE);
		// Spring Security's no-cache headers would contradict it
		assertThat(response.headers().firstValue("Pragma")).as(path).isEmpty();
		assertThat(response.headers().firstValue("Expires")).as(path).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
	}

	private static List<String> cacheControl(HttpResponse<String> response) {
		return response.headers()
			.allValues("Cache-Control")
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.toList();
	}

	private static List<String> references(String page, Pattern pattern) {
		return pattern.matcher(page).results().map((result) -> result.group(1)).toList();
	}

}
