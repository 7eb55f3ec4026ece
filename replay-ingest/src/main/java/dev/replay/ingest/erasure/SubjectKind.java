package dev.replay.ingest.erasure;

import org.springframework.modulith.NamedInterface;

/**
 * What identifies the person of an erasure.
 */
@NamedInterface("api")
public enum SubjectKind {

	/**
	 * The user id that the recorder's {@code identify} or Datadog RUM's {@code usr.id}
	 * named.
	 */
	USER_ID("user_id"),

	/** The email that the recorder or RUM's {@code usr.email} named, ignoring case. */
	EMAIL("email");

	private final String code;

	SubjectKind(String code) {
		this.code = code;
	}

	/**
	 * The kind as stored.
	 * @return its code
	 */
	public String code() {
		return this.code;
	}

	static SubjectKind of(String code) {
		for (SubjectKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown subject kind " + code);
	}

}
