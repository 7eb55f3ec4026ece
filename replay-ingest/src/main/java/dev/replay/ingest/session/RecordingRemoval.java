package dev.replay.ingest.session;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes recorded sessions with everything stored for them: segments, page views and
 * holds, and the rows other features keep about them (watch entries, playlist items).
 */
@Service
@NamedInterface("api")
public class RecordingRemoval {

	private final SessionDeletion deletion;

	RecordingRemoval(SessionDeletion deletion) {
		this.deletion = deletion;
	}

	/**
	 * Delete a session and its bytes.
	 * @param sessionId the session id
	 * @return what was deleted
	 * @throws SessionNotFoundException if no such session is recorded
	 */
	@Transactional
	public SessionSummary remove(String sessionId) {
		return this.deletion.delete(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
	}

}
