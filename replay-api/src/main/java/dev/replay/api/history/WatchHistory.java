package dev.replay.api.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.replay.api.playback.PlaybackStarted;
import dev.replay.api.security.UserNames;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who watched which session, and answers who watched a session and what a user
 * watched. The sessions themselves (their application, start and first page) come from
 * the recording side's catalog, and the watchers' names from the users, never from their
 * tables.
 */
@Service
@NamedInterface("api")
public class WatchHistory {

	private final JdbcClient jdbc;

	private final RecordingCatalog catalog;

	private final UserNames users;

	WatchHistory(JdbcClient jdbc, RecordingCatalog catalog, UserNames users) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.users = users;
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
	 * Who watched a session, most recent first, then by name.
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
		// a session's watchers are the few people who played it: named and ordered here
		List<Watcher> unnamed = this.jdbc.sql("""
				select user_id, count(*) as times, max(watched_at) as last_watched_at
				from watch_entry where session_id = ?
				group by user_id""")
			.param(sessionId)
			.query((rs, row) -> new Watcher(rs.getObject("user_id", UUID.class), "", rs.getInt("times"),
					rs.getTimestamp("last_watched_at").toInstant()))
			.list();
		Map<UUID, String> names = this.users.of(unnamed.stream().map(Watcher::userId).toList());
		List<Watcher> watchers = unnamed.stream()
			.filter((watcher) -> names.containsKey(watcher.userId()))
			.map((watcher) -> new Watcher(watcher.userId(), names.get(watcher.userId()), watcher.timesWatched(),
					watcher.lastWatchedAt()))
			.sorted(Comparator.comparing(Watcher::lastWatchedAt).reversed().thenComparing(Watcher::username))
			.toList();
		return page(watchers, page, size);
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
		List<Watches> onPage = page(visibleWatches(query), page, size);
		Map<String, SessionSummary> sessions = this.catalog
			.findSessions(onPage.stream().map(Watches::sessionId).toList(), query.scope())
			.stream()
			.collect(Collectors.toMap(SessionSummary::id, Function.identity()));
		return onPage.stream().filter((watch) -> sessions.containsKey(watch.sessionId())).map((watch) -> {
			SessionSummary session = sessions.get(watch.sessionId());
			return new WatchedSession(watch.sessionId(), session.applicationId(), session.startedAt(),
					session.firstUrl(), watch.times(), watch.lastWatchedAt());
		}).toList();
	}

	/**
	 * How many sessions a user watched.
	 * @param query which watches to consider
	 * @return the number of distinct sessions
	 */
	@Transactional(readOnly = true)
	public long historySize(HistoryQuery query) {
		return visibleWatches(query).size();
	}

	/**
	 * The sessions a user watched.
	 * @param userId the user
	 * @return their ids
	 */
	@Transactional(readOnly = true)
	public Set<String> sessionsWatchedBy(UUID userId) {
		return Set.copyOf(this.jdbc.sql("select distinct session_id from watch_entry where user_id = ?")
			.param(userId)
			.query(String.class)
			.list());
	}

	/**
	 * The sessions that anyone watched.
	 * @return their ids
	 */
	@Transactional(readOnly = true)
	public Set<String> watchedSessions() {
		return Set.copyOf(this.jdbc.sql("select distinct session_id from watch_entry").query(String.class).list());
	}

	// the user's watches, one row per session and the most recent first; when the scope
	// or the application limits them, only those of the sessions that the catalog finds
	// there (the sessions of watches always exist: their deletion deletes the watches)
	private List<Watches> visibleWatches(HistoryQuery query) {
		List<Watches> watches = this.jdbc.sql("""
				select w.session_id, count(*) as times, max(w.watched_at) as last_watched_at
				from watch_entry w
				where w.user_id = :userId
				  and (cast(:from as timestamptz) is null or w.watched_at >= :from)
				  and (cast(:to as timestamptz) is null or w.watched_at < :to)
				  and (cast(:sessionIds as text) is null or w.session_id = any(string_to_array(:sessionIds, ',')))
				group by w.session_id
				order by last_watched_at desc, w.session_id""")
			.params(query.parameters())
			.query((rs, row) -> new Watches(rs.getString("session_id"), rs.getInt("times"),
					rs.getTimestamp("last_watched_at").toInstant()))
			.list();
		UUID applicationId = query.applicationId();
		if (query.scope().isAll() && applicationId == null) {
			return watches;
		}
		Set<String> visible = this.catalog
			.findSessions(watches.stream().map(Watches::sessionId).toList(), query.scope())
			.stream()
			.filter((session) -> applicationId == null || applicationId.equals(session.applicationId()))
			.map(SessionSummary::id)
			.collect(Collectors.toSet());
		return watches.stream().filter((watch) -> visible.contains(watch.sessionId())).toList();
	}

	private static <T> List<T> page(List<T> all, int page, int size) {
		int from = (int) Math.min((long) page * size, all.size());
		return all.subList(from, Math.min(from + size, all.size()));
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
			parameters.put("from", (this.from != null) ? Timestamp.from(this.from) : null);
			parameters.put("to", (this.to != null) ? Timestamp.from(this.to) : null);
			parameters.put("sessionIds", (this.sessionIds != null) ? String.join(",", this.sessionIds) : null);
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

	/**
	 * A user's watches of one session.
	 */
	private record Watches(String sessionId, int times, Instant lastWatchedAt) {

	}

}
