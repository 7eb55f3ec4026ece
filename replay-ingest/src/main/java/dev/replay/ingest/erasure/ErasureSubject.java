package dev.replay.ingest.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * The person whose sessions an erasure deletes, as their sessions name them.
 *
 * @param kind a user id or an email
 * @param value the id as recorded, or the email in lower case
 */
@NamedInterface("api")
public record ErasureSubject(SubjectKind kind, String value) {

	/**
	 * The person with a user id.
	 * @param userId the id, matched exactly
	 * @return the subject
	 */
	public static ErasureSubject userId(String userId) {
		return new ErasureSubject(SubjectKind.USER_ID, userId);
	}

	/**
	 * The person with an email.
	 * @param email the email, matched ignoring case
	 * @return the subject
	 */
	public static ErasureSubject email(String email) {
		return new ErasureSubject(SubjectKind.EMAIL, email.toLowerCase(Locale.ROOT));
	}

	/**
	 * What is kept of the person once the erasure completed: the SHA-256 of the kind and
	 * the value, with which a later question ("was this person erased?") can be answered
	 * by someone who knows the person, and nothing else.
	 * @return the hash, in lower-case hex
	 */
	public String sha256() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((this.kind.code() + ":" + this.value).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		// never the person's id or email in a log
		return "ErasureSubject[" + this.kind + "]";
	}

}
