package dev.replay.ingest.segment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a segment row keeps of its deduplication key: the first 8 bytes of the key's
 * SHA-256, read as a signed big-endian number, which is what PostgreSQL's
 * {@code ('x' || left(encode(sha256(key), 'hex'), 16))::bit(64)::bigint} gives. Two keys
 * of one session meet by chance about once in 10^19 pairs.
 */
final class DedupHash {

	private DedupHash() {
	}

	/**
	 * The hash of a deduplication key.
	 * @param dedupKey the key
	 * @return its hash
	 */
	static long of(String dedupKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
