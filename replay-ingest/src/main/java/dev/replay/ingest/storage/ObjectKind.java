package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * What an object of the object store holds; its key starts with the kind's name.
 */
@NamedInterface("api")
public enum ObjectKind {

	/** The segments of one group commit, back to back. */
	BATCH("b", "batch"),

	/** The segments of one session, rewritten together once it was quiet. */
	SESSION("s", "session"),

	/** The keyframes of one indexing of a session. */
	KEYFRAME("k", "keyframe"),

	/** An image uploaded with a mobile recording. */
	RESOURCE("r", "resource"),

	/**
	 * A stylesheet, font or image that a recorded page referenced, captured by its
	 * content.
	 */
	ASSET("a", "asset");

	private final String code;

	private final String prefix;

	ObjectKind(String code, String prefix) {
		this.code = code;
		this.prefix = prefix;
	}

	/**
	 * The code stored in {@code stored_object.kind}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	String prefix() {
		return this.prefix;
	}

}
