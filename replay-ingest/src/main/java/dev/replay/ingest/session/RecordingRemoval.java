package dev.replay.ingest.session;

import java.util.List;

import dev.replay.ingest.segment.SessionTombstones;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes recorded sessions with everything stored for them: segments, page views and
 * holds, and the rows other features keep about them (watch entries, playlist items). A
 * deleted session leaves a tombstone: the intake does not record its id again.
 */
@Service
@NamedInterface("api")
public class RecordingRemoval {

	private final SessionDeletion deletion;

	private final SessionTombstones tombstones;

	RecordingRemoval(SessionDeletion deletion, SessionTombstones tombstones) {
		this.deletion = deletion;
		this.tombstones = tombstones;
	}

	/**
	 * Delete a session and its bytes.
	 * @param sessionId the session id
	 * @return what was deleted
	 * @throws SessionNotFoundException if no such session is recorded
	 */
	@Transactional
	public SessionSummary remove(String sessionId) {
		SessionSummary deleted = this.deletion.delete(sessionId)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		this.tombstones.bury(deleted.applicationId(), List.of(sessionId));
		return deleted;
	}

}
