package dev.replay.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a personal API token may do.
 */
enum TokenScope {

	/** Whatever its owner's role allows. */
	@JsonProperty("full")
	FULL("full"),

	/** Only safe requests ({@code GET}, {@code HEAD}), whatever its owner's role. */
	@JsonProperty("read-only")
	READ_ONLY("read-only");

	private final String value;

	TokenScope(String value) {
		this.value = value;
	}

	/**
	 * The name stored and shown.
	 * @return {@code full} or {@code read-only}
	 */
	String value() {
		return this.value;
	}

	static TokenScope of(String value) {
		for (TokenScope scope : values()) {
			if (scope.value.equals(value)) {
				return scope;
			}
		}
		throw new IllegalArgumentException("Unknown token scope " + value);
	}

}
