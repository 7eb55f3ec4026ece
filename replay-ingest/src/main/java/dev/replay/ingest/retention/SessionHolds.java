package dev.replay.ingest.retention;

import java.util.Collection;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Holds on recorded sessions: a held session outlives its application's retention until
 * every holder has released it. A holder names who keeps the session, for example
 * {@code playlist:42}; each change joins the caller's transaction, and deleting a session
 * releases its holds.
 */
@Service
@NamedInterface("api")
public class SessionHolds {

	private final JdbcClient jdbc;

	SessionHolds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Hold sessions; a session the holder already holds stays held once.
	 * @param holder who holds them, at most 200 characters
	 * @param sessionIds the sessions, which must be recorded
	 */
	@Transactional
	public void hold(String holder, Collection<String> sessionIds) {
		requireHolder(holder);
		if (sessionIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into session_hold (session_id, holder)
				select unnest(cast(:sessions as text[])), :holder
				on conflict do nothing""")
			.param("sessions", sessionIds.toArray(String[]::new))
			.param("holder", holder)
			.update();
	}

	/**
	 * Release a holder's holds on sessions; sessions it does not hold are ignored.
	 * @param holder who held them
	 * @param sessionIds the sessions
	 */
	@Transactional
	public void release(String holder, Collection<String> sessionIds) {
		requireHolder(holder);
		this.jdbc.sql("delete from session_hold where holder = :holder and session_id = any(:sessions)")
			.param("holder", holder)
			.param("sessions", sessionIds.toArray(String[]::new))
			.update();
	}

	/**
	 * Release every hold of a holder.
	 * @param holder who held sessions
	 */
	@Transactional
	public void releaseAll(String holder) {
		requireHolder(holder);
		this.jdbc.sql("delete from session_hold where holder = :holder").param("holder", holder).update();
	}

	private static void requireHolder(String holder) {
		Objects.requireNonNull(holder, "'holder' must not be null");
		Assert.isTrue(!holder.isBlank() && holder.length() <= 200, "'holder' must have 1 to 200 characters");
	}

}
