package dev.replay.ingest.redaction;

import java.util.Map;

import dev.replay.core.privacy.Redaction;

import org.springframework.modulith.NamedInterface;

/**
 * The redactions of the sessions of one list.
 */
@NamedInterface("api")
public final class SessionRedactions {

	static final SessionRedactions NONE = new SessionRedactions(Map.of());

	private final Map<String, Redaction> bySession;

	SessionRedactions(Map<String, Redaction> bySession) {
		this.bySession = Map.copyOf(bySession);
	}

	/**
	 * The redaction of one session of the list.
	 * @param sessionId the session
	 * @return its redaction, {@link Redaction#NONE} without rules
	 */
	public Redaction of(String sessionId) {
		return this.bySession.getOrDefault(sessionId, Redaction.NONE);
	}

}
