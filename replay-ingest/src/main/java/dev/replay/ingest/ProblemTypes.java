package dev.replay.ingest;

import java.net.URI;

/**
 * The {@code type} URIs of the problems (RFC 9457) that the recording side answers with,
 * some of which the application answers with too; those only the application answers with
 * are in its own list. The README lists them all.
 */
public final class ProblemTypes {

	private static final String BASE = "https://replay.dev/problems/";

	/** The client token is unknown or revoked. */
	public static final URI INVALID_CLIENT_TOKEN = of("invalid-client-token");

	/**
	 * The client token may not write to the application, or the application does not
	 * exist.
	 */
	public static final URI APPLICATION_NOT_ALLOWED = of("application-not-allowed");

	/** The segment is not well-formed. */
	public static final URI MALFORMED_SEGMENT = of("malformed-segment");

	/** The body or its inflated content is too large. */
	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	/**
	 * The request body cannot be read: a content coding that does not decode, a broken
	 * multipart body, missing or unexpected parts.
	 */
	public static final URI MALFORMED_BODY = of("malformed-body");

	/**
	 * The {@code ddforward} parameter of a proxied Datadog request is missing or invalid.
	 */
	public static final URI INVALID_PROXY_REQUEST = of("invalid-proxy-request");

	/** No image resource with that id for the session's application. */
	public static final URI RESOURCE_NOT_FOUND = of("resource-not-found");

	/** No captured asset with that hash in an application the caller may see. */
	public static final URI ASSET_NOT_FOUND = of("asset-not-found");

	/** The media type or content coding is not supported. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	/** The session id is already used by another application. */
	public static final URI SESSION_CONFLICT = of("session-conflict");

	/** No erasure with that id. */
	public static final URI ERASURE_NOT_FOUND = of("erasure-not-found");

	/** The session was deleted or erased: its id is not recorded again. */
	public static final URI SESSION_GONE = of("session-gone");

	/**
	 * The intake cannot take the request now: it is overloaded or its database is
	 * unreachable. Retry after the time in {@code Retry-After}.
	 */
	public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

	/** An application with that id already exists. */
	public static final URI APPLICATION_EXISTS = of("application-exists");

	/** A client token with that value already exists. */
	public static final URI CLIENT_TOKEN_EXISTS = of("client-token-exists");

	/** No such client token. */
	public static final URI CLIENT_TOKEN_NOT_FOUND = of("client-token-not-found");

	/** An application named in a request does not exist. */
	public static final URI UNKNOWN_APPLICATION = of("unknown-application");

	/** No recorded session with that id. */
	public static final URI SESSION_NOT_FOUND = of("session-not-found");

	/** No recorded session in the caller's applications carries that site user id. */
	public static final URI SITE_USER_NOT_FOUND = of("site-user-not-found");

	/** No such application. */
	public static final URI APPLICATION_NOT_FOUND = of("application-not-found");

	/** The request is malformed: bad JSON, a missing field or an invalid parameter. */
	public static final URI BAD_REQUEST = of("bad-request");

	/** The caller may not do this. */
	public static final URI FORBIDDEN = of("forbidden");

	private ProblemTypes() {
	}

	private static URI of(String name) {
		return URI.create(BASE + name);
	}

}
