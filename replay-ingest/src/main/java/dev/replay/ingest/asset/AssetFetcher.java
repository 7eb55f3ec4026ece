package dev.replay.ingest.asset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import dev.replay.ingest.asset.AssetUrl.InvalidUrlException;
import dev.replay.ingest.asset.CheckedDnsResolver.HostLookup;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches the stylesheets, fonts and images that recordings reference, which anyone who
 * can send a recording can name, so that nothing else is reached. A URL is fetched only
 * if it is {@code http} or {@code https} without user name, if its origin is one that the
 * caller allows, and if its host resolves to public addresses only
 * ({@link CheckedDnsResolver}, which the connection is made to, with no second lookup)
 * unless {@code replay.assets.allowed-private-origins} lists the origin. Redirects are
 * followed here, each checked the same way. Only {@code GET}, no cookies, no credentials,
 * no proxy; a response is kept only if it is a stylesheet, a font or an image of at most
 * {@code replay.assets.max-bytes}, within the timeouts, and each origin is asked at most
 * {@code replay.assets.requests-per-second-per-origin} times a second.
 * <p>
 * Never throws for what a URL or a server does: every outcome is an
 * {@link AssetFetchResult}. Safe for concurrent use.
 */
@Component
class AssetFetcher implements AutoCloseable {

	/**
	 * The {@code User-Agent} that servers see.
	 */
	static final String USER_AGENT = "Replay-AssetCapture/1.0";

	private static final String ACCEPT = "text/css,image/*,font/*,*/*;q=0.1";

	/** The retry hint when neither the server nor the rate limit gives one. */
	static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

	private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private static final int BUFFER_SIZE = 16 * 1024;

	private final CloseableHttpClient client;

	private final ScheduledThreadPoolExecutor deadlines;

	private final OriginRateLimit rateLimit;

	private final LongSupplier nanoTime;

	private final long maxBytes;

	private final int maxRedirects;

	private final Duration totalTimeout;

	@Autowired
	AssetFetcher(AssetFetchProperties properties) {
		this(properties, HostLookup.SYSTEM, System::nanoTime);
	}

	/**
	 * Create a fetcher.
	 * @param properties the settings
	 * @param lookup how host names are looked up
	 * @param nanoTime the clock of the rate limit and the deadline
	 */
	AssetFetcher(AssetFetchProperties properties, HostLookup lookup, LongSupplier nanoTime) {
		this.maxBytes = properties.maxBytes().toBytes();
		this.maxRedirects = properties.maxRedirects();
		this.totalTimeout = properties.totalTimeout();
		this.nanoTime = nanoTime;
		this.rateLimit = new OriginRateLimit(properties.requestsPerSecondPerOrigin(), nanoTime);
		this.client = client(properties, new CheckedDnsResolver(lookup, properties.allowedPrivateOrigins()));
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "asset-fetch-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	private static CloseableHttpClient client(AssetFetchProperties properties, CheckedDnsResolver resolver) {
		Timeout connectTimeout = Timeout.of(properties.connectTimeout());
		Timeout readTimeout = Timeout.of(properties.readTimeout());
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(resolver)
			.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readTimeout).build())
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(connectTimeout)
				.setSocketTimeout(readTimeout)
				.setTimeToLive(Timeout.ofMinutes(1))
				.build())
			.build();
		RequestConfig request = RequestConfig.custom()
			.setRedirectsEnabled(false)
			.setAuthenticationEnabled(false)
			.setConnectionRequestTimeout(connectTimeout)
			.setResponseTimeout(readTimeout)
			.build();
		// no useSystemProperties(): no proxy, which would resolve names unchecked
		return HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(request)
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableAutomaticRetries()
			.setUserAgent(USER_AGENT)
			.build();
	}

	/**
	 * Fetch an asset.
	 * @param url the absolute URL, as a recording holds it
	 * @param allowedOrigins the origins that the application allows assets from; the URL
	 * and every redirect must be in one of them
	 * @return the asset, a permanent refusal or a failure that may pass
	 */
	AssetFetchResult fetch(String url, Set<AssetOrigin> allowedOrigins) {
		AssetUrl current;
		try {
			current = AssetUrl.parse(url);
		}
		catch (InvalidUrlException ex) {
			return ex.refusal();
		}
		long deadline = this.nanoTime.getAsLong() + this.totalTimeout.toNanos();
		for (int redirects = 0;; redirects++) {
			if (!allowedOrigins.contains(current.origin())) {
				return FetchRefusal.of(FetchRefusal.Reason.ORIGIN_NOT_ALLOWED,
						((redirects > 0) ? "The redirect to " : "") + current
								+ " is not from an origin that the application allows (" + current.origin() + ")");
			}
			Duration wait = this.rateLimit.acquire(current.origin());
			if (!wait.isZero()) {
				return new FetchFailure(FetchFailure.Reason.RATE_LIMITED,
						current.origin() + " was asked more often than its rate limit allows", wait, null);
			}
			Answer answer = request(current, deadline);
			if (answer.location() == null) {
				return answer.result();
			}
			if (redirects == this.maxRedirects) {
				return FetchRefusal.of(FetchRefusal.Reason.TOO_MANY_REDIRECTS,
						url + " redirects more than " + this.maxRedirects + " times");
			}
			try {
				current = current.resolve(answer.location());
			}
			catch (InvalidUrlException ex) {
				return ex.refusal();
			}
		}
	}

	private Answer request(AssetUrl url, long deadline) {
		long remaining = deadline - this.nanoTime.getAsLong();
		if (remaining <= 0) {
			return Answer.of(timedOut(url));
		}
		HttpGet get = new HttpGet(url.uri());
		get.setHeader(HttpHeaders.ACCEPT, ACCEPT);
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> timer = this.deadlines.schedule(() -> {
			expired.set(true);
			get.cancel();
		}, remaining, TimeUnit.NANOSECONDS);
		ClassicHttpResponse response = null;
		boolean consumed = false;
		try {
			response = this.client.executeOpen(null, get, HttpClientContext.create());
			Answer answer = answer(url, response);
			consumed = answer.consumed();
			return answer;
		}
		catch (IOException ex) {
			return Answer.of(expired.get() ? timedOut(url) : failed(url, ex));
		}
		finally {
			timer.cancel(false);
			if (!consumed) {
				// closing a response reads what is left of it: a large or endless body
				// is cut off instead
				get.cancel();
			}
			close(response);
		}
	}

	private Answer answer(AssetUrl url, ClassicHttpResponse response) throws IOException {
		int status = response.getCode();
		if (isRedirect(status)) {
			Header location = response.getFirstHeader(HttpHeaders.LOCATION);
			if (location == null || location.getValue().isBlank()) {
				return Answer.of(new FetchRefusal(FetchRefusal.Reason.HTTP_STATUS,
						url + " answered " + status + " without saying where to", status));
			}
			return Answer.redirect(location.getValue());
		}
		if (status == 429) {
			return Answer.of(new FetchFailure(FetchFailure.Reason.RATE_LIMITED,
					url + " answered 429, too many requests", retryAfter(response), status));
		}
		if (status >= 500 || status == 408) {
			return Answer
				.of(new FetchFailure((status == 408) ? FetchFailure.Reason.TIMEOUT : FetchFailure.Reason.SERVER_ERROR,
						url + " answered " + status, retryAfter(response), status));
		}
		if (status != 200 && status != 203) {
			return Answer.of(new FetchRefusal(FetchRefusal.Reason.HTTP_STATUS, url + " answered " + status, status));
		}
		Header contentType = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
		String type = AssetContentTypes.accepted((contentType != null) ? contentType.getValue() : null,
				url.uri().getRawPath());
		if (type == null) {
			return Answer.of(FetchRefusal.of(FetchRefusal.Reason.CONTENT_TYPE,
					url + " is " + ((contentType != null) ? "of type " + contentType.getValue() : "of no type")
							+ ", not a stylesheet, a font or an image"));
		}
		Header encoding = response.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
		if (encoding != null && !encoding.getValue().strip().equalsIgnoreCase("identity")) {
			return Answer.of(FetchRefusal.of(FetchRefusal.Reason.CONTENT_ENCODING,
					url + " is encoded with " + encoding.getValue() + ", which is not supported"));
		}
		HttpEntity entity = response.getEntity();
		if (entity == null) {
			return Answer.of(new FetchedAsset(url.uri(), type, new byte[0], sha256(new byte[0])));
		}
		if (entity.getContentLength() > this.maxBytes) {
			return Answer.of(tooLarge(url, entity.getContentLength() + " bytes"));
		}
		return read(url, type, entity);
	}

	private Answer read(AssetUrl url, String type, HttpEntity entity) throws IOException {
		long length = entity.getContentLength();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(
				(int) Math.min((length > 0) ? length : BUFFER_SIZE, BUFFER_SIZE * 4L));
		try (InputStream in = entity.getContent()) {
			byte[] buffer = new byte[BUFFER_SIZE];
			int n;
			while ((n = in.read(buffer)) != -1) {
				if (bytes.size() + (long) n > this.maxBytes) {
					return Answer.of(tooLarge(url, "more than " + this.maxBytes + " bytes"));
				}
				bytes.write(buffer, 0, n);
			}
		}
		byte[] body = bytes.toByteArray();
		return Answer.consumed(new FetchedAsset(url.uri(), type, body, sha256(body)));
	}

	private FetchRefusal tooLarge(AssetUrl url, String size) {
		return FetchRefusal.of(FetchRefusal.Reason.TOO_LARGE,
				url + " is " + size + ", larger than the " + this.maxBytes + " bytes an asset may have");
	}

	private FetchFailure timedOut(AssetUrl url) {
		return new FetchFailure(FetchFailure.Reason.TIMEOUT,
				"Fetching " + url + " took longer than " + this.totalTimeout.toMillis() + " ms", DEFAULT_RETRY_AFTER,
				null);
	}

	private static AssetFetchResult failed(AssetUrl url, IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RefusedAddressException refused) {
				return FetchRefusal.of(FetchRefusal.Reason.PRIVATE_ADDRESS, "The host of " + url + " resolves to "
						+ refused.address() + ", " + refused.kind().description()
						+ "; only public addresses are fetched from unless replay.assets.allowed-private-origins lists the origin");
			}
		}
		FetchFailure.Reason reason;
		if (ex instanceof InterruptedIOException) {
			reason = FetchFailure.Reason.TIMEOUT;
		}
		else if (ex instanceof UnknownHostException) {
			reason = FetchFailure.Reason.UNKNOWN_HOST;
		}
		else {
			reason = FetchFailure.Reason.CONNECTION_FAILED;
		}
		return new FetchFailure(reason, "Fetching " + url + " failed: " + ex, DEFAULT_RETRY_AFTER, null);
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static Duration retryAfter(ClassicHttpResponse response) {
		Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
		if (header == null) {
			return DEFAULT_RETRY_AFTER;
		}
		String value = header.getValue().strip();
		Duration wait;
		if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
			wait = (value.length() > 9) ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
		}
		else {
			Instant date = DateUtils.parseStandardDate(value);
			if (date == null) {
				return DEFAULT_RETRY_AFTER;
			}
			wait = Duration.between(Instant.now(), date);
		}
		if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return (wait.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : wait;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void close(@Nullable ClassicHttpResponse response) {
		if (response != null) {
			try {
				response.close();
			}
			catch (IOException ex) {
				// the connection was cut off on purpose or is gone; nothing to release
			}
		}
	}

	/**
	 * Close the connections and stop the deadline thread.
	 */
	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

	/**
	 * The answer of one request: a result, or the target of a redirect.
	 */
	private record Answer(@Nullable AssetFetchResult result, @Nullable String location, boolean consumed) {

		static Answer of(AssetFetchResult result) {
			return new Answer(result, null, false);
		}

		static Answer consumed(AssetFetchResult result) {
			return new Answer(result, null, true);
		}

		static Answer redirect(String location) {
			return new Answer(null, location, false);
		}

	}

}
