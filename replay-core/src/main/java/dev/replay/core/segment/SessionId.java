package dev.replay.core.segment;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identifier of a recorded session, as chosen by the recorder (a UUID for both our
 * recorder script and the Datadog SDKs).
 *
 * @param value the identifier: 1 to 128 characters of letters, digits, {@code .},
 * {@code _}, {@code :} and {@code -}
 */
public record SessionId(String value) {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	public SessionId {
		Objects.requireNonNull(value, "'value' must not be null");
		if (!isValid(value)) {
			throw new IllegalArgumentException("'value' is not a valid session id");
		}
	}

	/**
	 * Tell whether a string can be used as a session id.
	 * @param value the candidate, may be {@code null}
	 * @return {@code true} if {@link #SessionId(String)} accepts it
	 */
	public static boolean isValid(@org.jspecify.annotations.Nullable String value) {
		return value != null && VALID.matcher(value).matches();
	}

	/**
	 * Create a new random session id.
	 * @return never {@code null}
	 */
	public static SessionId random() {
		return new SessionId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
