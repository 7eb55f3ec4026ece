package dev.replay.api.web;

import java.net.URI;

import org.springframework.modulith.NamedInterface;

/**
 * The {@code type} URIs of the problems (RFC 9457) that only the REST API answers with;
 * the shared ones are in {@code dev.replay.ingest.ProblemTypes}.
 */
@NamedInterface("api")
public final class ApiProblemTypes {

	private static final String BASE = "https://replay.dev/problems/";

	/** The caller is not signed in. */
	public static final URI UNAUTHENTICATED = of("unauthenticated");

	/** Anything unexpected. */
	public static final URI INTERNAL = of("internal-error");

	/** A user with that name already exists. */
	public static final URI USER_EXISTS = of("user-exists");

	/** No user with that id. */
	public static final URI USER_NOT_FOUND = of("user-not-found");

	/** An admin tried to delete or demote themselves. */
	public static final URI SELF_CHANGE = of("self-change");

	/** A new password is longer than bcrypt can hash (72 bytes in UTF-8). */
	public static final URI PASSWORD_TOO_LONG = of("password-too-long");

	/** The current password given to change one's password is wrong. */
	public static final URI WRONG_PASSWORD = of("wrong-password");

	/** The caller has no API token with that id. */
	public static final URI API_TOKEN_NOT_FOUND = of("api-token-not-found");

	/** No playlist with that id. */
	public static final URI PLAYLIST_NOT_FOUND = of("playlist-not-found");

	/** The session is already in the playlist. */
	public static final URI PLAYLIST_ITEM_EXISTS = of("playlist-item-exists");

	/** The session is not in the playlist. */
	public static final URI PLAYLIST_ITEM_NOT_FOUND = of("playlist-item-not-found");

	/** Only the playlist's owner or an admin may change it. */
	public static final URI PLAYLIST_NOT_OWNED = of("playlist-not-owned");

	/**
	 * A redaction rule names no text or selector, a blank or too long text, an invalid
	 * CSS selector, or an application other than its session's.
	 */
	public static final URI INVALID_REDACTION = of("invalid-redaction");

	/**
	 * Too many failed sign-ins for the user name or from the client address: retry after
	 * the time in {@code Retry-After}.
	 */
	public static final URI TOO_MANY_SIGN_IN_ATTEMPTS = of("too-many-sign-in-attempts");

	/** No share link at that address or with that id, or it expired or was revoked. */
	public static final URI SHARE_LINK_NOT_FOUND = of("share-link-not-found");

	/** A share link's expiry is not in the future or too far ahead. */
	public static final URI INVALID_SHARE_LINK = of("invalid-share-link");

	private ApiProblemTypes() {
	}

	private static URI of(String name) {
		return URI.create(BASE + name);
	}

}
