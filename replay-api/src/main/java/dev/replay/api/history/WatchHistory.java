package dev.replay.api.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.playback.PlaybackStarted;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who watched which session, and answers who watched a session and what a user
 * watched.
 */
@Service
public class WatchHistory {

	private static final String HISTORY_FILTER = """
			where w.user_id = :userId
			  and (cast(:applicationId as uuid) is null or s.application_id = :applicationId)
			  and (cast(:from as timestamptz) is null or w.watched_at >= :from)
			  and (cast(:to as timestamptz) is null or w.watched_at < :to)
			  and (cast(:sessionIds as text) is null or w.session_id = any(string_to_array(:sessionIds, ',')))
			  and (cast(:apps as uuid[]) is null or s.application_id = any(cast(:apps as uuid[])))
			""";

	private final JdbcClient jdbc;

	private final RecordingCatalog catalog;

	WatchHistory(JdbcClient jdbc, RecordingCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@EventListener
	void on(PlaybackStarted playback) {
		record(playback.sessionId(), playback.userId(), playback.context().name(), playback.startedAt());
	}

	/**
	 * Record that a user watched a session.
	 * @param sessionId the session, which must exist
	 * @param userId the user
	 * @param context {@code player}, {@code embed} or {@code api}
	 * @param watchedAt when
	 */
	@Transactional
	public void record(String sessionId, UUID userId, String context, Instant watchedAt) {
		this.jdbc.sql("insert into watch_entry (session_id, user_id, watched_at, context) values (?, ?, ?, ?)")
			.params(sessionId, userId, Timestamp.from(watchedAt), context)
			.update();
	}

	/**
	 * Forget that a user watched a session.
	 * @param sessionId the session
	 * @param userId the user
	 * @return how many watches were forgotten
	 */
	@Transactional
	public int forget(String sessionId, UUID userId) {
		return this.jdbc.sql("delete from watch_entry where session_id = ? and user_id = ?")
			.params(sessionId, userId)
			.update();
	}

	/**
	 * Who watched a session, most recent first.
	 * @param sessionId the session
	 * @param scope the applications whose sessions the caller may see
	 * @param page the page number, from 0
	 * @param size the page size
	 * @return the watchers on that page
	 * @throws SessionNotFoundException if the session is not recorded in an application
	 * of the scope
	 */
	@Transactional(readOnly = true)
	public List<Watcher> watchers(String sessionId, ApplicationScope scope, int page, int size) {
		requireSession(sessionId, scope);
		return this.jdbc.sql("""
				select w.user_id, u.username, count(*) as times, max(w.watched_at) as last_watched_at
				from watch_entry w join app_user u on u.id = w.user_id
				where w.session_id = ?
				group by w.user_id, u.username
				order by last_watched_at desc, u.username
				limit ? offset ?""")
			.params(sessionId, size, (long) page * size)
			.query((rs, row) -> new Watcher(rs.getObject("user_id", UUID.class), rs.getString("username"),
					rs.getInt("times"), rs.getTimestamp("last_watched_at").toInstant()))
			.list();
	}

	/**
	 * How often a session was watched, by anyone.
	 * @param sessionId the session
	 * @return the number of playbacks
	 */
	@Transactional(readOnly = true)
	public long watchCount(String sessionId) {
		return this.jdbc.sql("select count(*) from watch_entry where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	/**
	 * The sessions a user watched, the most recently watched first.
	 * @param query which watches to consider
	 * @param page the page number, from 0
	 * @param size the page size
	 * @return the sessions on that page
	 */
	@Transactional(readOnly = true)
	public List<WatchedSession> history(HistoryQuery query, int page, int size) {
		return this.jdbc.sql("""
				select w.session_id, s.application_id, s.started_at, s.first_url, count(*) as times,
				       max(w.watched_at) as last_watched_at
				from watch_entry w join replay_session s on s.id = w.session_id
				""" + HISTORY_FILTER + """
				group by w.session_id, s.application_id, s.started_at, s.first_url
				order by last_watched_at desc, w.session_id
				limit :limit offset :offset""")
			.params(query.parameters())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new WatchedSession(rs.getString("session_id"),
					rs.getObject("application_id", UUID.class), rs.getTimestamp("started_at").toInstant(),
					rs.getString("first_url"), rs.getInt("times"), rs.getTimestamp("last_watched_at").toInstant()))
			.list();
	}

	/**
	 * How many sessions a user watched.
	 * @param query which watches to consider
	 * @return the number of distinct sessions
	 */
	@Transactional(readOnly = true)
	public long historySize(HistoryQuery query) {
		return this.jdbc.sql("""
				select count(distinct w.session_id)
				from watch_entry w join replay_session s on s.id = w.session_id
				""" + HISTORY_FILTER).params(query.parameters()).query(Long.class).single();
	}

	private void requireSession(String sessionId, ApplicationScope scope) {
		if (this.catalog.findSession(sessionId, scope).isEmpty()) {
			throw new SessionNotFoundException(sessionId);
		}
	}

	/**
	 * Which of a user's watches to consider.
	 *
	 * @param userId the user
	 * @param applicationId only sessions of this application, or all
	 * @param from watched at or after, or {@code null}
	 * @param to watched before, or {@code null}
	 * @param sessionIds only these sessions, or all when {@code null}
	 * @param scope only sessions of these applications, those the caller may see
	 */
	public record HistoryQuery(UUID userId, @Nullable UUID applicationId, @Nullable Instant from, @Nullable Instant to,
			@Nullable List<String> sessionIds, ApplicationScope scope) {

		Map<String, @Nullable Object> parameters() {
			Map<String, @Nullable Object> parameters = new HashMap<>();
			parameters.put("userId", this.userId);
			parameters.put("applicationId", this.applicationId);
			parameters.put("from", (this.from != null) ? Timestamp.from(this.from) : null);
			parameters.put("to", (this.to != null) ? Timestamp.from(this.to) : null);
			parameters.put("sessionIds", (this.sessionIds != null) ? String.join(",", this.sessionIds) : null);
			parameters.put("apps", this.scope.sqlArray());
			return parameters;
		}

	}

	/**
	 * Someone who watched a session.
	 *
	 * @param userId the user
	 * @param username their name
	 * @param timesWatched how many times they played it
	 * @param lastWatchedAt when they last played it
	 */
	public record Watcher(UUID userId, String username, int timesWatched, Instant lastWatchedAt) {

	}

	/**
	 * A session in a user's watch history.
	 *
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param startedAt when it was recorded
	 * @param firstUrl its first page
	 * @param timesWatched how many times the user played it
	 * @param lastWatchedAt when they last played it
	 */
	public record WatchedSession(String sessionId, UUID applicationId, Instant startedAt, @Nullable String firstUrl,
			int timesWatched, Instant lastWatchedAt) {

	}

}
