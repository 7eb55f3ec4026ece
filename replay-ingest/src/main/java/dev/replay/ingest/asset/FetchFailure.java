package dev.replay.ingest.asset;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An asset that could not be fetched this time: the server or the network failed, or its
 * origin was asked too often. The caller records the failure and may ask again, not
 * before {@link #retryAfter()}.
 *
 * @param reason why, as a stable code
 * @param message a sentence for people that names the URL
 * @param retryAfter how long to wait at least before asking again: the server's
 * {@code Retry-After} or the rate limit's own when known, otherwise a default
 * @param status the HTTP status with {@link Reason#SERVER_ERROR} and an answered
 * {@link Reason#RATE_LIMITED}, otherwise {@code null}
 */
public record FetchFailure(Reason reason, String message, Duration retryAfter,
		@Nullable Integer status) implements AssetFetchResult {

	/**
	 * Why fetching an asset failed.
	 */
	public enum Reason {

		/**
		 * Connecting, a read or the whole fetch took longer than allowed.
		 */
		TIMEOUT("timeout"),

		/**
		 * The connection was refused, reset or could not be made secure.
		 */
		CONNECTION_FAILED("connection-failed"),

		/**
		 * The host name does not resolve.
		 */
		UNKNOWN_HOST("unknown-host"),

		/**
		 * The server answered with a 5xx status.
		 */
		SERVER_ERROR("server-error"),

		/**
		 * The origin was asked more often than {@code
		 * replay.assets.requests-per-second-per-origin} allows, or answered 429.
		 */
		RATE_LIMITED("rate-limited");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/**
		 * The reason as a stable code, such as {@code rate-limited}.
		 * @return the code
		 */
		public String code() {
			return this.code;
		}

	}

}
