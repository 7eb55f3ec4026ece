package dev.replay.api.playback;

import java.util.UUID;

/**
 * The audit trail as playback sees it: whether the signed-in user's playback of a session
 * was audited a moment ago, and an audit event for reads of a session's recorded content
 * other than its events (RUM events, timeline, views, images), written at most once per
 * {@code replay.playback.audit-window} for each user and session.
 */
public interface RecordingReads {

	/**
	 * Whether the signed-in user opened an audited playback of a session within the audit
	 * window.
	 * @param sessionId the session
	 * @return whether a follow-up window may continue that playback without a new audit
	 * event
	 */
	boolean playedRecently(String sessionId);

	/**
	 * Audit a read of a session's recorded content by the signed-in user, unless their
	 * playback or another read of that session was audited within the audit window.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param content what was read: {@code rum}, {@code timeline}, {@code views} or
	 * {@code resources}
	 */
	void contentRead(String sessionId, UUID applicationId, String content);

}
