package dev.replay.api.asset;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSite;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import dev.replay.TestcontainersConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's stylesheet, font and images captured after its recording is stored, against a
 * real HTTP server: the session's events then name them by content, the stylesheet is
 * served with its own references pointing to the captured font and image, they are still
 * served once the site is gone, a changed image reaches only the sessions recorded after
 * the change, and a refused URL says why.
 */
@ReplayIntegrationTest
class AssetCaptureIntegrationTests {

	static final TestSite SITE = TestSite.start();

	static final String ORIGIN = SITE.origin();

	static final String CSS = "@font-face{font-family:Brand;src:url(fonts/brand.woff2) format('woff2')}"
			+ "body{font-family:Brand;background:url(\"/img/bg.png\")}";

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	@DynamicPropertySource
	static void assets(DynamicPropertyRegistry registry) {
		// a database of its own: the capture jobs of other contexts would refuse this
		// site's private address
		registry.add(TestcontainersConfiguration.OWN_DATABASE, () -> "true");
		registry.add("replay.assets.allowed-private-origins", () -> ORIGIN);
		registry.add("replay.assets.interval", () -> "200ms");
		registry.add("replay.assets.refresh-after", () -> "2s");
	}

	@AfterAll
	static void stopSite() {
		SITE.close();
	}

	@Test
	void capturesTheAssetsOfARecordingAndPlaysItWithThem() throws Exception {
		serve("/site.css", "text/css", CSS.getBytes(StandardCharsets.UTF_8));
		serve("/fonts/brand.woff2", "font/woff2", bytes("wOF2 brand font"));
		serve("/img/bg.png", "image/png", bytes("png background"));
		serve("/img/logo.png", "image/png", bytes("png logo, first version"));
		JsonNode application = this.client.createApplication("captured site " + UUID.randomUUID());
		String sessionId = record(application);

		JsonNode assets = awaitCaptured(sessionId, 4);
		assertThat(
				assets.valueStream().map((asset) -> asset.path("url").asString() + " " + asset.path("kind").asString()))
			.containsExactly(ORIGIN + "/fonts/brand.woff2 font", ORIGIN + "/img/bg.png image",
					ORIGIN + "/img/logo.png image", ORIGIN + "/site.css stylesheet");
		assertThat(asset(assets, "/site.css").path("sha256").asString())
			.isEqualTo(sha256(CSS.getBytes(StandardCharsets.UTF_8)));
		assertThat(asset(assets, "/img/logo.png").path("contentType").asString()).isEqualTo("image/png");
		assertThat(asset(assets, "/img/logo.png").path("size").asInt())
			.isEqualTo(bytes("png logo, first version").length);

		// they count in the storage figures
		long capturedBytes = assets.valueStream().mapToLong((asset) -> asset.path("size").asLong()).sum();
		JsonNode storage = ReplayClient.json(this.client.getAsAdmin("/api/v1/storage").body());
		assertThat(storage.path("capturedAssets").path("count").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(storage.path("capturedAssets").path("bytes").asLong()).isGreaterThanOrEqualTo(capturedBytes);

		String events = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body();
		String css = asset(assets, "/site.css").path("sha256").asString();
		String logo = asset(assets, "/img/logo.png").path("sha256").asString();
		assertThat(events).contains("/api/v1/assets/" + css, "/api/v1/assets/" + logo)
			.doesNotContain(ORIGIN + "/site.css", ORIGIN + "/img/logo.png");

		HttpResponse<String> stylesheet = this.client.getAsAdmin("/api/v1/assets/" + css);
		assertThat(stylesheet.statusCode()).isEqualTo(200);
		assertThat(stylesheet.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(stylesheet.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("immutable", "private"));
		assertThat(stylesheet.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(stylesheet.body()).contains(
				"/api/v1/assets/" + asset(assets, "/fonts/brand.woff2").path("sha256").asString(),
				"/api/v1/assets/" + asset(assets, "/img/bg.png").path("sha256").asString());

		// the site goes away: the replay keeps its look
		SITE.clear();
		HttpResponse<String> image = this.client.getAsAdmin("/api/v1/assets/" + logo);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.body()).isEqualTo("png logo, first version");
	}

	@Test
	void aChangedAssetReachesOnlyTheSessionsRecordedAfterTheChange() throws Exception {
		serve("/site.css", "text/css", CSS.getBytes(StandardCharsets.UTF_8));
		serve("/fonts/brand.woff2", "font/woff2", bytes("wOF2 brand font"));
		serve("/img/bg.png", "image/png", bytes("png background"));
		serve("/img/logo.png", "image/png", bytes("png logo, before the deploy"));
		JsonNode application = this.client.createApplication("changing site " + UUID.randomUUID());
		String before = record(application);
		String old = asset(awaitCaptured(before, 4), "/img/logo.png").path("sha256").asString();

		serve("/img/logo.png", "image/png", bytes("png logo, after the deploy"));
		// longer than replay.assets.refresh-after
		Thread.sleep(2500);
		String after = record(application);
		String fresh = asset(awaitCaptured(after, 4), "/img/logo.png").path("sha256").asString();

		assertThat(fresh).isEqualTo(sha256(bytes("png logo, after the deploy"))).isNotEqualTo(old);
		assertThat(asset(assets(before), "/img/logo.png").path("sha256").asString()).isEqualTo(old);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + before + "/events").body())
			.contains("/api/v1/assets/" + old);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + after + "/events").body())
			.contains("/api/v1/assets/" + fresh);
	}

	@Test
	void aRefusedUrlSaysWhyAndFallsThroughToTheOriginal() throws Exception {
		JsonNode application = this.client.createApplication("refused " + UUID.randomUUID());
		String sessionId = UUID.randomUUID().toString();
		long start = System.currentTimeMillis() - 60_000;
		upload(application, sessionId, meta(start, ORIGIN + "/shop"),
				snapshot(start + 1,
						"{\"type\":2,\"tagName\":\"img\",\"attributes\":{\"src\":\"http://10.1.2.3/secret.png\"},"
								+ "\"childNodes\":[],\"id\":3}"));
		Indexing.awaitIndexed(this.jdbc, sessionId);
		JsonNode refused = awaitSettled(sessionId);
		assertThat(refused).hasSize(1);
		assertThat(refused.get(0).path("status").asString()).isEqualTo("failed");
		assertThat(refused.get(0).path("failure").asString()).isNotBlank();
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body())
			.contains("http://10.1.2.3/secret.png");
	}

	@Test
	void servesAnAssetOnlyToUsersWhoMaySeeAnApplicationThatCapturedIt() throws Exception {
		serve("/site.css", "text/css", CSS.getBytes(StandardCharsets.UTF_8));
		serve("/fonts/brand.woff2", "font/woff2", bytes("wOF2 brand font"));
		serve("/img/bg.png", "image/png", bytes("png background"));
		serve("/img/logo.png", "image/png", bytes("png logo of a private application"));
		JsonNode application = this.client.createApplication("private " + UUID.randomUUID());
		JsonNode other = this.client.createApplication("other " + UUID.randomUUID());
		String sessionId = record(application);
		String logo = asset(awaitCaptured(sessionId, 4), "/img/logo.png").path("sha256").asString();

		TestUser outsider = this.users.create("viewer");
		assertThat(this.users
			.send("PATCH", "/api/v1/users/" + outsider.id(), ReplayClient.ADMIN_BASIC,
					Map.of("applications", List.of(other.path("id").asString())))
			.statusCode()).isEqualTo(200);
		HttpResponse<String> hidden = this.client.get("/api/v1/assets/" + logo, outsider.basic());
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(hidden.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/asset-not-found");
		assertThat(this.client.get("/api/v1/sessions/" + sessionId + "/assets", outsider.basic()).statusCode())
			.isEqualTo(404);
		assertThat(this.users.send("GET", "/api/v1/assets/" + logo, null, null).statusCode()).isEqualTo(401);
		assertThat(this.client.getAsAdmin("/api/v1/assets/not-a-hash").statusCode()).isEqualTo(404);
	}

	@Test
	void anApplicationsOwnListOfOriginsDecidesWhatIsFetched() throws Exception {
		serve("/site.css", "text/css", CSS.getBytes(StandardCharsets.UTF_8));
		serve("/fonts/brand.woff2", "font/woff2", bytes("wOF2 brand font"));
		serve("/img/bg.png", "image/png", bytes("png background"));
		serve("/img/logo.png", "image/png", bytes("png logo"));
		JsonNode application = this.client.createApplication("listed origins " + UUID.randomUUID());
		String path = "/api/v1/applications/" + application.path("id").asString() + "/asset-origins";
		awaitCaptured(record(application), 4);
		JsonNode origins = ReplayClient.json(this.client.getAsAdmin(path).body());
		assertThat(origins.path("origins").isNull()).isTrue();
		assertThat(origins.path("pageOrigins").valueStream().map(JsonNode::asString)).containsExactly(ORIGIN);
		assertThat(origins.path("effective").valueStream().map(JsonNode::asString)).containsExactly(ORIGIN);

		HttpResponse<String> listed = this.users.send("PUT", path, ReplayClient.ADMIN_BASIC,
				Map.of("origins", List.of("HTTPS://CDN.Shop.Example:443", "https://cdn.shop.example")));
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		assertThat(ReplayClient.json(listed.body()).path("effective").valueStream().map(JsonNode::asString))
			.containsExactly("https://cdn.shop.example");
		// the site's own origin is not listed any more: what was not captured before is
		// refused, and a new version of what was is not fetched
		serve("/img/new.png", "image/png", bytes("png never fetched"));
		serve("/img/logo.png", "image/png", bytes("png logo, not fetched"));
		Thread.sleep(2500);
		String sessionId = UUID.randomUUID().toString();
		long start = System.currentTimeMillis() - 60_000;
		upload(application, sessionId, meta(start, ORIGIN + "/shop"), snapshot(start + 1,
				"{\"type\":2,\"tagName\":\"img\",\"attributes\":{\"src\":\"" + ORIGIN + "/img/new.png\"},"
						+ "\"childNodes\":[],\"id\":3},{\"type\":2,\"tagName\":\"img\",\"attributes\":{\"src\":\""
						+ ORIGIN + "/img/logo.png\"},\"childNodes\":[],\"id\":4}"));
		Indexing.awaitIndexed(this.jdbc, sessionId);
		JsonNode settled = awaitSettled(sessionId);
		assertThat(asset(settled, "/img/new.png").path("status").asString()).isEqualTo("failed");
		assertThat(asset(settled, "/img/new.png").path("failure").asString())
			.contains("not from an origin that the application allows");
		assertThat(asset(settled, "/img/logo.png").path("sha256").asString()).isEqualTo(sha256(bytes("png logo")));

		HttpResponse<String> bad = this.users.send("PUT", path, ReplayClient.ADMIN_BASIC,
				Map.of("origins", List.of("ftp://shop.example")));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(ReplayClient.json(bad.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/bad-request");
		TestUser viewer = this.users.create("viewer");
		assertThat(this.users.send("PUT", path, viewer.basic(), Map.of("origins", List.of())).statusCode())
			.isEqualTo(403);
		HashMap<String, Object> reset = new HashMap<>();
		reset.put("origins", null);
		assertThat(ReplayClient.json(this.users.send("PUT", path, ReplayClient.ADMIN_BASIC, reset).body())
			.path("effective")
			.valueStream()
			.map(JsonNode::asString)).containsExactly(ORIGIN);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'application.asset-origins-changed' "
					+ "and target_id = ?")
			.param(application.path("id").asString())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	// a page with a linked stylesheet and an image, as our recorder sends it
	private String record(JsonNode application) throws InterruptedException {
		String sessionId = UUID.randomUUID().toString();
		long start = System.currentTimeMillis() - 60_000;
		upload(application, sessionId, meta(start, ORIGIN + "/shop"),
				snapshot(start + 1,
						"{\"type\":2,\"tagName\":\"link\",\"attributes\":{\"rel\":\"stylesheet\",\"href\":\"" + ORIGIN
								+ "/site.css\"},\"childNodes\":[],\"id\":3},"
								+ "{\"type\":2,\"tagName\":\"img\",\"attributes\":{\"src\":\"" + ORIGIN
								+ "/img/logo.png\"},\"childNodes\":[],\"id\":4}"));
		Indexing.awaitIndexed(this.jdbc, sessionId);
		return sessionId;
	}

	private JsonNode awaitCaptured(String sessionId, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode assets = assets(sessionId);
			if (assets.size() == count
					&& assets.valueStream().allMatch((asset) -> asset.path("status").asString().equals("captured"))) {
				return assets;
			}
			assertThat(System.nanoTime()).as("assets of %s: %s", sessionId, assets).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private JsonNode awaitSettled(String sessionId) throws InterruptedException {
		return awaitSettled(sessionId, null);
	}

	// until the assets (or the one at that path) are no longer pending
	private JsonNode awaitSettled(String sessionId, String path) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode assets = assets(sessionId);
			if (assets.size() > 0 && assets.valueStream()
				.filter((asset) -> path == null || asset.path("url").asString().equals(ORIGIN + path))
				.noneMatch((asset) -> asset.path("status").asString().equals("pending"))) {
				return assets;
			}
			assertThat(System.nanoTime()).as("assets of %s: %s", sessionId, assets).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private JsonNode assets(String sessionId) {
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/assets");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ReplayClient.json(response.body());
	}

	private static JsonNode asset(JsonNode assets, String path) {
		return assets.valueStream()
			.filter((asset) -> asset.path("url").asString().equals(ORIGIN + path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no asset " + path + " in " + assets));
	}

	private void upload(JsonNode application, String sessionId, String... events) {
		String body = "{\"applicationId\":\"" + application.path("id").asString() + "\",\"sequence\":0,\"events\":["
				+ String.join(",", events) + "],\"context\":{\"url\":\"" + ORIGIN
				+ "/shop\",\"userAgent\":\"Mozilla/5.0\"}}";
		assertThat(this.client
			.postSegment(sessionId, application.path("clientToken").asString(), body.getBytes(StandardCharsets.UTF_8),
					null)
			.statusCode()).isEqualTo(202);
	}

	private static String meta(long timestamp, String href) {
		return "{\"type\":4,\"timestamp\":" + timestamp + ",\"data\":{\"href\":\"" + href
				+ "\",\"width\":1280,\"height\":720}}";
	}

	private static String snapshot(long timestamp, String bodyChildren) {
		return "{\"type\":2,\"timestamp\":" + timestamp + ",\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":["
				+ "{\"type\":2,\"tagName\":\"html\",\"attributes\":{},\"id\":2,\"childNodes\":[" + bodyChildren
				+ "]}]},\"initialOffset\":{\"left\":0,\"top\":0}}}";
	}

	private static void serve(String path, String contentType, byte[] body) {
		SITE.serve(path, contentType, body);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
