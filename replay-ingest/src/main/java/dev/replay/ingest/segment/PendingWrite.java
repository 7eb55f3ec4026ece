package dev.replay.ingest.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request's write on its way through the group commit: queued, then in a batch, then
 * answered through its result once the transaction that holds it has ended.
 */
final class PendingWrite {

	// what a write and each of its segments cost beside the segments' bytes
	private static final long OVERHEAD_BYTES = 1024;

	private final SegmentWrite write;

	private final long bytes;

	private final CompletableFuture<WriteResult> result = new CompletableFuture<>();

	PendingWrite(SegmentWrite write) {
		this.write = write;
		long bytes = OVERHEAD_BYTES;
		for (NewSegment segment : write.segments()) {
			bytes += segment.body().length + OVERHEAD_BYTES;
		}
		this.bytes = bytes;
	}

	SegmentWrite write() {
		return this.write;
	}

	/**
	 * What the write holds in a queue.
	 * @return its segments' bytes and some overhead
	 */
	long bytes() {
		return this.bytes;
	}

	int segments() {
		return this.write.segments().size();
	}

	/**
	 * The session of the write's first segment, for logs.
	 * @return the session id
	 */
	String sessionId() {
		return this.write.segments().get(0).sessionId();
	}

	CompletableFuture<WriteResult> result() {
		return this.result;
	}

	/**
	 * What no other write of the same transaction may repeat: the request id and each
	 * segment.
	 * @return the keys
	 */
	List<String> keys() {
		List<String> keys = new ArrayList<>();
		if (this.write.claimsRequest()) {
			keys.add("r\u0000" + this.write.requestApplicationId() + "\u0000" + this.write.requestId());
		}
		for (NewSegment segment : this.write.segments()) {
			keys.add("s\u0000" + segment.sessionId() + "\u0000" + segment.dedupKey());
		}
		return keys;
	}

}
