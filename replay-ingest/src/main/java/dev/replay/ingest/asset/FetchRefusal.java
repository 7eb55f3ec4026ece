package dev.replay.ingest.asset;

import org.jspecify.annotations.Nullable;

/**
 * An asset that is not fetched because of what it is or where it is: asking again gives
 * the same answer until the URL, the allowed origins or the site change.
 *
 * @param reason why, as a stable code
 * @param message a sentence for people that names the URL or the value at fault
 * @param status the HTTP status with {@link Reason#HTTP_STATUS}, otherwise {@code null}
 */
public record FetchRefusal(Reason reason, String message, @Nullable Integer status) implements AssetFetchResult {

	static FetchRefusal of(Reason reason, String message) {
		return new FetchRefusal(reason, message, null);
	}

	/**
	 * Why an asset is refused.
	 */
	public enum Reason {

		/**
		 * The text is not an absolute URL with a host.
		 */
		INVALID_URL("invalid-url"),

		/**
		 * The scheme is neither {@code http} nor {@code https}.
		 */
		SCHEME("scheme"),

		/**
		 * The URL carries a user name or a password.
		 */
		USERINFO("userinfo"),

		/**
		 * The origin is not one that the application allows.
		 */
		ORIGIN_NOT_ALLOWED("origin-not-allowed"),

		/**
		 * The host is, or resolves to, an address that is not public (loopback, private,
		 * link-local, multicast and other special ranges), and its origin is not one of
		 * {@code replay.assets.allowed-private-origins}.
		 */
		PRIVATE_ADDRESS("private-address"),

		/**
		 * The response is not a stylesheet, a font or an image.
		 */
		CONTENT_TYPE("content-type"),

		/**
		 * The response is compressed in a way that is not supported.
		 */
		CONTENT_ENCODING("content-encoding"),

		/**
		 * The response is larger than {@code replay.assets.max-bytes}.
		 */
		TOO_LARGE("too-large"),

		/**
		 * More redirects than {@code replay.assets.max-redirects}, as in a loop.
		 */
		TOO_MANY_REDIRECTS("too-many-redirects"),

		/**
		 * The server answered with a status that says the asset is not there or not for
		 * us, such as 404 or 403, or with a redirect that names no target.
		 */
		HTTP_STATUS("http-status");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/**
		 * The reason as a stable code, such as {@code origin-not-allowed}.
		 * @return the code
		 */
		public String code() {
			return this.code;
		}

	}

}
