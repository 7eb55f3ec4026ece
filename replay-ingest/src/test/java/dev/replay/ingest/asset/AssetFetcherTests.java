package dev.replay.ingest.asset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import dev.replay.ingest.asset.CheckedDnsResolver.HostLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link AssetFetcher} fetches from a real HTTP server on 127.0.0.1, and everything
 * it refuses: each protection has a test that fails without it. 127.0.0.1 is an allowed
 * private origin unless a test says otherwise.
 */
class AssetFetcherTests {

	static final byte[] CSS = "body { color: red }\n".getBytes(StandardCharsets.UTF_8);

	// sha256sum of CSS, computed outside Java
	static final String CSS_SHA256 = "d92e15bd3da4deb8dabf98b78a77ab1deee826c9b6633c7b91218f80a4fcdb2a";

	static final byte[] FONT = random(3000, 1);

	static final byte[] PNG = png();

	final TestSite site = new TestSite();

	final TestSite other = new TestSite();

	final List<AssetFetcher> fetchers = new ArrayList<>();

	AssetFetcherTests() throws IOException {
	}

	@BeforeEach
	void serve() throws IOException {
		this.site.on("/style.css", TestSite.answer(200, "text/css; charset=utf-8", CSS))
			.on("/font.woff2", TestSite.answer(200, "font/woff2", FONT))
			.on("/fonts/octet.woff", TestSite.answer(200, "application/octet-stream", FONT))
			.on("/octet.bin", TestSite.answer(200, "application/octet-stream", FONT))
			.on("/image.png", TestSite.answer(200, "image/png", PNG))
			.on("/icon.svg", TestSite.answer(200, "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8)))
			.on("/page.html", TestSite.answer(200, "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)))
			.on("/script.js", TestSite.answer(200, "text/javascript", "alert(1)".getBytes(StandardCharsets.UTF_8)))
			.on("/untyped", TestSite.answer(200, null, CSS))
			.on("/gzip.css", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "text/css");
				exchange.getResponseHeaders().set("Content-Encoding", "gzip");
				byte[] body = gzip(CSS);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			})
			.on("/large.png", TestSite.answer(200, "image/png", random(2048, 2)))
			.on("/endless.png", TestSite.endless("image/png", 0))
			.on("/slow.css", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "text/css");
				exchange.sendResponseHeaders(200, 0);
				exchange.getResponseBody().flush();
				TestSite.pause(3000);
				exchange.getResponseBody().write(CSS);
			})
			.on("/drip.png", TestSite.endless("image/png", 50))
			.on("/missing.css", TestSite.answer(404, "text/html", new byte[0]))
			.on("/busy.css", (exchange) -> {
				exchange.getResponseHeaders().set("Retry-After", "120");
				exchange.sendResponseHeaders(503, -1);
			})
			.on("/throttled.css", TestSite.answer(429, null, new byte[0]))
			.on("/moved.css", TestSite.redirect(301, "/style.css"))
			.on("/to-other.css", TestSite.redirect(302, this.other.url("/style.css")))
			.on("/to-elsewhere.css", TestSite.redirect(302, "https://elsewhere.example/style.css"))
			.on("/to-file.css", TestSite.redirect(302, "file:///etc/passwd"))
			.on("/to-metadata.css", TestSite.redirect(307, "http://169.254.169.254/latest/meta-data/"))
			.on("/nowhere.css", TestSite.redirect(302, ""))
			.on("/loop.css", TestSite.redirect(302, "/loop.css"))
			.on("/hop1.css", TestSite.redirect(302, "/hop2.css"))
			.on("/hop2.css", TestSite.redirect(302, "/hop3.css"))
			.on("/hop3.css", TestSite.redirect(302, "/style.css"))
			.start();
		this.other.on("/style.css", TestSite.answer(200, "text/css", CSS)).start();
	}

	@AfterEach
	void stop() throws IOException {
		for (AssetFetcher fetcher : this.fetchers) {
			fetcher.close();
		}
		this.site.close();
		this.other.close();
	}

	// what is fetched

	@Test
	void fetchesAStylesheetWithItsSha256() {
		FetchedAsset asset = captured(fetch(this.site.url("/style.css")));
		assertThat(asset.contentType()).isEqualTo("text/css");
		assertThat(asset.bytes()).isEqualTo(CSS);
		assertThat(asset.sha256()).isEqualTo(CSS_SHA256);
		assertThat(asset.url()).hasToString(this.site.url("/style.css"));
	}

	@Test
	void asksWithAGetThatCarriesNoCookieOrCredentialsAndSaysWhoAsks() {
		captured(fetch(this.site.url("/style.css")));
		TestSite.Request request = this.site.requests.get(0);
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.headers().getFirst("User-Agent")).isEqualTo("Replay-AssetCapture/1.0");
		assertThat(request.headers().getFirst("Accept-Encoding")).contains("gzip");
		assertThat(request.headers()).doesNotContainKeys("Cookie", "Authorization", "Proxy-Authorization", "Referer");
	}

	@Test
	void fetchesAFont() {
		FetchedAsset asset = captured(fetch(this.site.url("/font.woff2")));
		assertThat(asset.contentType()).isEqualTo("font/woff2");
		assertThat(asset.bytes()).isEqualTo(FONT);
		assertThat(asset.sha256()).isEqualTo(sha256(FONT));
	}

	@Test
	void fetchesAFontServedAsOctetStreamWhenItsPathNamesAFont() {
		FetchedAsset asset = captured(fetch(this.site.url("/fonts/octet.woff")));
		assertThat(asset.contentType()).isEqualTo("application/octet-stream");
		assertThat(asset.sha256()).isEqualTo(sha256(FONT));
	}

	@Test
	void fetchesAnImage() {
		FetchedAsset asset = captured(fetch(this.site.url("/image.png")));
		assertThat(asset.contentType()).isEqualTo("image/png");
		assertThat(asset.bytes()).isEqualTo(PNG);
		assertThat(asset.sha256()).isEqualTo(sha256(PNG));
		assertThat(captured(fetch(this.site.url("/icon.svg"))).contentType()).isEqualTo("image/svg+xml");
	}

	@Test
	void decodesAGzipEncodedResponseAndHashesTheDecodedBytes() {
		FetchedAsset asset = captured(fetch(this.site.url("/gzip.css")));
		assertThat(asset.bytes()).isEqualTo(CSS);
		assertThat(asset.sha256()).isEqualTo(CSS_SHA256);
	}

	@Test
	void followsARedirectWithinTheOriginAndAnswersWithTheFinalUrl() {
		FetchedAsset asset = captured(fetch(this.site.url("/moved.css")));
		assertThat(asset.url()).hasToString(this.site.url("/style.css"));
		assertThat(asset.sha256()).isEqualTo(CSS_SHA256);
	}

	@Test
	void followsARedirectToAnotherAllowedOrigin() {
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(this.site.origin(), this.other.origin()));
		FetchedAsset asset = captured(fetcher.fetch(this.site.url("/to-other.css"), both()));
		assertThat(asset.url()).hasToString(this.other.url("/style.css"));
	}

	@Test
	void followsAsManyRedirectsAsAllowed() {
		assertThat(captured(fetch(this.site.url("/hop1.css"))).url()).hasToString(this.site.url("/style.css"));
	}

	// what is refused before any request

	@ParameterizedTest
	@ValueSource(strings = { "file:///etc/passwd", "ftp://127.0.0.1/style.css", "gopher://127.0.0.1:70/",
			"javascript:alert(1)", "data:text/css,body{}", "jar:http://127.0.0.1/a.jar!/x.css" })
	void refusesOtherSchemes(String url) {
		assertThat(refused(fetch(url)).reason()).isEqualTo(FetchRefusal.Reason.SCHEME);
	}

	@Test
	void refusesAUrlWithAUserName() {
		String url = "http://user:secret@127.0.0.1:" + this.site.port() + "/style.css";
		assertThat(refused(fetch(url)).reason()).isEqualTo(FetchRefusal.Reason.USERINFO);
		assertThat(this.site.requests).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/style.css", "style.css", "http:/style.css", "http://", "http://sh op.example/" })
	void refusesWhatIsNotAnAbsoluteUrlWithAHost(String url) {
		assertThat(refused(fetch(url)).reason()).isEqualTo(FetchRefusal.Reason.INVALID_URL);
	}

	@Test
	void refusesAnOriginThatTheApplicationDoesNotAllow() {
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(this.site.origin()));
		FetchRefusal refusal = refused(fetcher.fetch(this.site.url("/style.css"), Set.of(this.other.origin())));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.ORIGIN_NOT_ALLOWED);
		assertThat(refusal.reason().code()).isEqualTo("origin-not-allowed");
		assertThat(this.site.requests).isEmpty();
	}

	@Test
	void refusesTheSameHostOnAnotherPortOrScheme() {
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(this.site.origin()));
		Set<AssetOrigin> allowed = Set.of(AssetOrigin.of("http://127.0.0.1:" + (this.site.port() + 1)),
				AssetOrigin.of("https://127.0.0.1:" + this.site.port()));
		assertThat(refused(fetcher.fetch(this.site.url("/style.css"), allowed)).reason())
			.isEqualTo(FetchRefusal.Reason.ORIGIN_NOT_ALLOWED);
	}

	// what is refused for its address

	@Test
	void refusesLoopbackWhenItIsNotAnAllowedPrivateOrigin() {
		AssetFetcher fetcher = fetcher(new FetchSettings());
		FetchRefusal refusal = refused(fetcher.fetch(this.site.url("/style.css"), Set.of(this.site.origin())));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(refusal.message()).contains("127.0.0.1", "loopback");
		assertThat(this.site.requests).isEmpty();
	}

	@Test
	void refusesANameThatResolvesToLoopback() {
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(this.site.origin()));
		String url = "http://localhost:" + this.site.port() + "/style.css";
		FetchRefusal refusal = refused(fetcher.fetch(url, Set.of(AssetOrigin.of(url.replace("/style.css", "")))));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(this.site.requests).isEmpty();
	}

	@Test
	void refusesTheMetadataAddressWithoutConnecting() {
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		// a connection to this address would hang until the connect timeout
		settings.connectTimeout = Duration.ofSeconds(20);
		AssetFetcher fetcher = fetcher(settings);
		String url = "http://169.254.169.254/latest/meta-data/iam/security-credentials/";
		long start = System.nanoTime();
		FetchRefusal refusal = refused(fetcher.fetch(url, Set.of(AssetOrigin.of("http://169.254.169.254"))));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(refusal.message()).contains("169.254.169.254", "link-local");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[::1]", "http://[::ffff:127.0.0.1]", "http://[::ffff:a9fe:a9fe]",
			"http://10.0.0.1", "http://10.255.255.254:8080", "http://192.168.1.1", "http://172.16.0.1",
			"http://100.64.0.1", "http://0.0.0.0", "http://[::]", "http://[fe80::1]", "http://[fd00::1]",
			"http://224.0.0.1", "http://2130706433", "http://127.1", "http://0177.0.0.1" })
	void refusesPrivateAndSpecialAddressLiterals(String origin) {
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.connectTimeout = Duration.ofSeconds(20);
		AssetFetcher fetcher = fetcher(settings);
		long start = System.nanoTime();
		FetchRefusal refusal = refused(fetcher.fetch(origin + "/style.css", Set.of(AssetOrigin.of(origin))));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsPrivate() throws UnknownHostException {
		Map<String, InetAddress[]> names = Map.of("mixed.test",
				new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1") });
		AssetFetcher fetcher = fetcher(new FetchSettings(), lookup(names, new AtomicInteger()));
		FetchRefusal refusal = refused(
				fetcher.fetch("http://mixed.test/style.css", Set.of(AssetOrigin.of("http://mixed.test"))));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(refusal.message()).contains("10.0.0.1");
	}

	@Test
	void resolvesOnceAndConnectsToTheAddressItChecked() throws UnknownHostException {
		// the name server answers with the test site first, then with an address that
		// would not be allowed (and does not answer): a second lookup would fail the
		// fetch
		AtomicInteger lookups = new AtomicInteger();
		HostLookup rebinding = (host) -> {
			if (!host.equals("assets.test")) {
				return InetAddress.getAllByName(host);
			}
			return new InetAddress[] {
					InetAddress.getByName((lookups.getAndIncrement() == 0) ? "127.0.0.1" : "10.255.255.1") };
		};
		AssetOrigin origin = AssetOrigin.of("http://assets.test:" + this.site.port());
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(origin), rebinding);
		FetchedAsset asset = captured(fetcher.fetch(origin + "/style.css", Set.of(origin)));
		assertThat(asset.sha256()).isEqualTo(CSS_SHA256);
		assertThat(lookups).hasValue(1);
		assertThat(this.site.requests.get(0).headers().getFirst("Host")).isEqualTo("assets.test:" + this.site.port());
	}

	@Test
	void allowsAPrivateOriginForItsOwnPortOnly() throws UnknownHostException {
		// the site's address is allowed on another port only
		AssetOrigin origin = AssetOrigin.of("http://assets.test:" + this.site.port());
		HostLookup lookup = lookup(Map.of("assets.test", new InetAddress[] { InetAddress.getByName("127.0.0.1") }),
				new AtomicInteger());
		AssetFetcher fetcher = fetcher(
				new FetchSettings().allowPrivate(AssetOrigin.of("http://assets.test:" + (this.site.port() + 1))),
				lookup);
		assertThat(refused(fetcher.fetch(origin + "/style.css", Set.of(origin))).reason())
			.isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(this.site.requests).isEmpty();
	}

	// what is refused for its answer

	@ParameterizedTest
	@ValueSource(strings = { "/page.html", "/script.js", "/octet.bin", "/untyped" })
	void refusesWhatIsNotAStylesheetAFontOrAnImage(String path) {
		assertThat(refused(fetch(this.site.url(path))).reason()).isEqualTo(FetchRefusal.Reason.CONTENT_TYPE);
	}

	@Test
	void refusesAResponseThatAnnouncesMoreThanTheLimit() {
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.maxBytes = DataSize.ofBytes(1024);
		FetchRefusal refusal = refused(fetcher(settings).fetch(this.site.url("/large.png"), site()));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.TOO_LARGE);
		assertThat(refusal.message()).contains("2048 bytes");
	}

	@Test
	void stopsReadingABodyWithoutLengthPastTheLimit() {
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.maxBytes = DataSize.ofKilobytes(64);
		long start = System.nanoTime();
		FetchRefusal refusal = refused(fetcher(settings).fetch(this.site.url("/endless.png"), site()));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.TOO_LARGE);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void takesAnAssetOfExactlyTheLimit() {
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.maxBytes = DataSize.ofBytes(2048);
		assertThat(captured(fetcher(settings).fetch(this.site.url("/large.png"), site())).bytes()).hasSize(2048);
	}

	@Test
	void refusesANotFoundAssetWithItsStatus() {
		FetchRefusal refusal = refused(fetch(this.site.url("/missing.css")));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.HTTP_STATUS);
		assertThat(refusal.status()).isEqualTo(404);
	}

	@Test
	void refusesARedirectWithoutTarget() {
		FetchRefusal refusal = refused(fetch(this.site.url("/nowhere.css")));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.HTTP_STATUS);
		assertThat(refusal.status()).isEqualTo(302);
	}

	// what redirects may do

	@Test
	void refusesMoreRedirectsThanAllowed() {
		FetchRefusal refusal = refused(fetch(this.site.url("/loop.css")));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.TOO_MANY_REDIRECTS);
		// the first request and three redirects
		assertThat(this.site.requestsTo("/loop.css")).isEqualTo(4);
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.maxRedirects = 2;
		assertThat(refused(fetcher(settings).fetch(this.site.url("/hop1.css"), site())).reason())
			.isEqualTo(FetchRefusal.Reason.TOO_MANY_REDIRECTS);
	}

	@Test
	void refusesARedirectToAnOriginThatIsNotAllowed() {
		FetchRefusal refusal = refused(fetch(this.site.url("/to-elsewhere.css")));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.ORIGIN_NOT_ALLOWED);
		assertThat(refusal.message()).contains("elsewhere.example");
	}

	@Test
	void refusesARedirectToAnotherSchemeLikeFile() {
		assertThat(refused(fetch(this.site.url("/to-file.css"))).reason()).isEqualTo(FetchRefusal.Reason.SCHEME);
	}

	@Test
	void checksTheAddressOfEachRedirectAgain() {
		// both origins are allowed, but only the first may be private
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(this.site.origin()));
		FetchRefusal refusal = refused(fetcher.fetch(this.site.url("/to-other.css"), both()));
		assertThat(refusal.reason()).isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
		assertThat(this.other.requests).isEmpty();
		Set<AssetOrigin> withMetadata = Set.of(this.site.origin(), AssetOrigin.of("http://169.254.169.254"));
		assertThat(refused(fetcher.fetch(this.site.url("/to-metadata.css"), withMetadata)).reason())
			.isEqualTo(FetchRefusal.Reason.PRIVATE_ADDRESS);
	}

	// what fails for now

	@Test
	void failsWhenTheServerStaysSilentLongerThanTheReadTimeout() {
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.readTimeout = Duration.ofMillis(300);
		long start = System.nanoTime();
		FetchFailure failure = failed(fetcher(settings).fetch(this.site.url("/slow.css"), site()));
		assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void failsWhenTheWholeFetchTakesLongerThanTheTotalTimeout() {
		// a byte every 50 ms never trips the read timeout
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.readTimeout = Duration.ofSeconds(5);
		settings.totalTimeout = Duration.ofMillis(500);
		long start = System.nanoTime();
		FetchFailure failure = failed(fetcher(settings).fetch(this.site.url("/drip.png"), site()));
		assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void failsWhenTheConnectionIsRefused() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		AssetOrigin closed = AssetOrigin.of("http://127.0.0.1:" + port);
		AssetFetcher fetcher = fetcher(new FetchSettings().allowPrivate(closed));
		FetchFailure failure = failed(fetcher.fetch(closed + "/style.css", Set.of(closed)));
		assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.CONNECTION_FAILED);
		assertThat(failure.retryAfter()).isPositive();
	}

	@Test
	void failsOnAServerErrorWithTheServersRetryAfter() {
		FetchFailure failure = failed(fetch(this.site.url("/busy.css")));
		assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.SERVER_ERROR);
		assertThat(failure.status()).isEqualTo(503);
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void failsWhenTheServerSaysTooManyRequests() {
		FetchFailure failure = failed(fetch(this.site.url("/throttled.css")));
		assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.RATE_LIMITED);
		assertThat(failure.retryAfter()).isEqualTo(AssetFetcher.DEFAULT_RETRY_AFTER);
	}

	@Test
	void failsAtOnceBeyondTheRateLimitOfTheOriginAndSaysWhenToTryAgain() {
		AtomicLong now = new AtomicLong();
		FetchSettings settings = new FetchSettings().allowPrivate(this.site.origin());
		settings.requestsPerSecondPerOrigin = 2;
		AssetFetcher fetcher = new AssetFetcher(settings.properties(), HostLookup.SYSTEM, now::get);
		this.fetchers.add(fetcher);
		captured(fetcher.fetch(this.site.url("/style.css"), site()));
		captured(fetcher.fetch(this.site.url("/image.png"), site()));
		FetchFailure failure = failed(fetcher.fetch(this.site.url("/font.woff2"), site()));
		assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.RATE_LIMITED);
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(500));
		assertThat(this.site.requests).hasSize(2);
		now.addAndGet(Duration.ofMillis(500).toNanos());
		captured(fetcher.fetch(this.site.url("/font.woff2"), site()));
	}

	AssetFetchResult fetch(String url) {
		return fetcher(new FetchSettings().allowPrivate(this.site.origin())).fetch(url, site());
	}

	Set<AssetOrigin> site() {
		return Set.of(this.site.origin());
	}

	Set<AssetOrigin> both() {
		return Set.of(this.site.origin(), this.other.origin());
	}

	AssetFetcher fetcher(FetchSettings settings) {
		return fetcher(settings, HostLookup.SYSTEM);
	}

	AssetFetcher fetcher(FetchSettings settings, HostLookup lookup) {
		AssetFetcher fetcher = new AssetFetcher(settings.properties(), lookup, System::nanoTime);
		this.fetchers.add(fetcher);
		return fetcher;
	}

	static HostLookup lookup(Map<String, InetAddress[]> names, AtomicInteger lookups) {
		return (host) -> {
			lookups.incrementAndGet();
			InetAddress[] addresses = names.get(host);
			return (addresses != null) ? addresses : InetAddress.getAllByName(host);
		};
	}

	static FetchedAsset captured(AssetFetchResult result) {
		assertThat(result).isInstanceOf(FetchedAsset.class);
		return (FetchedAsset) result;
	}

	static FetchRefusal refused(AssetFetchResult result) {
		assertThat(result).isInstanceOf(FetchRefusal.class);
		return (FetchRefusal) result;
	}

	static FetchFailure failed(AssetFetchResult result) {
		assertThat(result).isInstanceOf(FetchFailure.class);
		return (FetchFailure) result;
	}

	// hex by hand, not with the HexFormat that the fetcher uses
	static String sha256(byte[] bytes) {
		try {
			StringBuilder hex = new StringBuilder();
			for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
				hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
			}
			return hex.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] random(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	static byte[] png() {
		byte[] bytes = random(600, 3);
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		System.arraycopy(signature, 0, bytes, 0, signature.length);
		return bytes;
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
