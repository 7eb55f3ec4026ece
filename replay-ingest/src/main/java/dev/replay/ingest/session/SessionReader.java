package dev.replay.ingest.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Queries over sessions for the read side: search, one session, its views.
 */
@Repository
public class SessionReader {

	private static final String SESSION_COLUMNS = """
			select id, application_id, started_at, ended_at, source, segment_count, event_count, first_url, user_id,
			       user_name, user_email, indexed_at, click_count, rage_click_count, dead_click_count, input_count, error_count,
			       active_duration_ms
			from replay_session""";

	private final JdbcClient jdbc;

	SessionReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sessions in a sort order, after a position, that pass a filter. Only the conditions
	 * the filter sets are part of the query, so that the planner sees literal conditions
	 * that its indexes match (the partial indexes of the counts, the trigram indexes of
	 * the contains searches).
	 * @param filter the filter
	 * @param scope the applications whose sessions may be listed
	 * @param sort the order
	 * @param after the last row of the previous page, in the same order, or {@code null}
	 * @param limit the most rows to return
	 * @return the rows
	 */
	public List<SessionSummary> findSessions(SessionFilter filter, ApplicationScope scope, SessionSort sort,
			@Nullable Position after, int limit) {
		StringBuilder sql = new StringBuilder(SESSION_COLUMNS).append(" s where true");
		Map<String, Object> params = new HashMap<>();
		String applications = scope.sqlArray();
		if (applications != null) {
			sql.append(" and s.application_id = any(cast(:apps as uuid[]))");
			params.put("apps", applications);
		}
		if (filter.applicationId() != null) {
			sql.append(" and s.application_id = :app");
			params.put("app", filter.applicationId());
		}
		if (filter.watchedBy() != null) {
			sql.append(
					" and exists (select 1 from watch_entry w where w.session_id = s.id and w.user_id = :watchedBy)");
			params.put("watchedBy", filter.watchedBy());
		}
		if (filter.notWatchedBy() != null) {
			sql.append(" and not exists (select 1 from watch_entry w where w.session_id = s.id"
					+ " and w.user_id = :notWatchedBy)");
			params.put("notWatchedBy", filter.notWatchedBy());
		}
		if (filter.notWatched()) {
			sql.append(" and not exists (select 1 from watch_entry w where w.session_id = s.id)");
		}
		// a session has errors or rage clicks when its replay or its RUM events say so
		if (filter.hasErrors()) {
			sql.append(" and (s.error_count > 0 or exists (select 1 from rum_session r"
					+ " where r.session_id = s.id and r.error_count > 0))");
		}
		if (filter.hasRageClicks()) {
			sql.append(" and (s.rage_click_count > 0 or exists (select 1 from rum_session r"
					+ " where r.session_id = s.id and r.rage_click_count > 0))");
		}
		if (filter.from() != null) {
			sql.append(" and s.started_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and s.started_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		if (filter.minDurationMs() != null) {
			sql.append(" and s.duration_ms >= :minDuration");
			params.put("minDuration", filter.minDurationMs());
		}
		if (filter.maxDurationMs() != null) {
			sql.append(" and s.duration_ms <= :maxDuration");
			params.put("maxDuration", filter.maxDurationMs());
		}
		if (!filter.sources().isEmpty()) {
			sql.append(" and s.source in (:sources)");
			params.put("sources", filter.sources());
		}
		if (filter.url() != null) {
			// two index lookups (trigram indexes of first_url and of session_view.url)
			sql.append(" and s.id in (select f.session_id from session_search f where f.first_url ilike :url"
					+ " union select v.session_id from session_view v where v.url ilike :url)");
			params.put("url", containsPattern(filter.url()));
		}
		if (filter.user() != null) {
			// the side table's text, kept by triggers (V42), has a trigram index
			sql.append(" and s.id in (select f.session_id from session_search f where f.user_text ilike :user)");
			params.put("user", containsPattern(filter.user()));
		}
		if (filter.error() != null) {
			sql.append(" and exists (select 1 from rum_event e where e.session_id = s.id"
					+ " and e.type = 'error' and e.error_message ilike :error)");
			params.put("error", containsPattern(filter.error()));
		}
		if (filter.action() != null) {
			sql.append(" and exists (select 1 from rum_event e where e.session_id = s.id"
					+ " and e.type = 'action' and e.action_name ilike :action)");
			params.put("action", containsPattern(filter.action()));
		}
		String key = switch (sort) {
			case START -> "s.started_at";
			case DURATION -> "s.duration_ms";
			case ACTIVITY -> "s.event_count";
		};
		if (after != null) {
			sql.append(" and (").append(key).append(", s.id) < (:afterKey, :afterId)");
			params.put("afterKey", (sort == SessionSort.START) ? Timestamp.from(after.startedAt()) : after.value());
			params.put("afterId", after.sessionId());
		}
		sql.append(" order by ").append(key).append(" desc, s.id desc limit :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(SessionReader::toSummary).list();
	}

	// LIKE's wildcards and escape character typed by a user are matched as themselves
	private static String containsPattern(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * One session.
	 * @param sessionId the id
	 * @return the session, if recorded
	 */
	public Optional<SessionSummary> findSession(String sessionId) {
		return findSession(sessionId, ApplicationScope.ALL);
	}

	/**
	 * One session of an application in a scope.
	 * @param sessionId the id
	 * @param scope the applications whose sessions may be seen
	 * @return the session, if recorded in one of those applications
	 */
	public Optional<SessionSummary> findSession(String sessionId, ApplicationScope scope) {
		return this.jdbc
			.sql(SESSION_COLUMNS + " where id = :id"
					+ " and (cast(:apps as uuid[]) is null or application_id = any(cast(:apps as uuid[])))")
			.param("id", sessionId)
			.param("apps", scope.sqlArray())
			.query(SessionReader::toSummary)
			.optional();
	}

	/**
	 * The views of a session, in the order they started.
	 * @param sessionId the id
	 * @return the views
	 */
	public List<SessionView> views(String sessionId) {
		return this.jdbc
			.sql("select id, url, started_at from session_view where session_id = ? order by started_at, id")
			.param(sessionId)
			.query((rs, row) -> new SessionView(rs.getString("id"), rs.getString("url"),
					rs.getTimestamp("started_at").toInstant()))
			.list();
	}

	private static SessionSummary toSummary(ResultSet rs, int row) throws SQLException {
		return new SessionSummary(rs.getString("id"), rs.getObject("application_id", UUID.class),
				rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("ended_at").toInstant(),
				rs.getString("source"), rs.getInt("segment_count"), rs.getLong("event_count"),
				rs.getString("first_url"), rs.getString("user_id"), rs.getString("user_name"),
				rs.getString("user_email"), figures(rs));
	}

	private static SessionSummary.@Nullable TimelineFigures figures(ResultSet rs) throws SQLException {
		if (rs.getTimestamp("indexed_at") == null) {
			return null;
		}
		return new SessionSummary.TimelineFigures(rs.getInt("click_count"), rs.getInt("rage_click_count"),
				rs.getInt("dead_click_count"), rs.getInt("input_count"), rs.getInt("error_count"),
				rs.getLong("active_duration_ms"));
	}

	/**
	 * Where a page of sessions ends.
	 *
	 * @param startedAt the start of the last session on the page (the key of
	 * {@link SessionSort#START})
	 * @param value its duration or event count (the key of {@link SessionSort#DURATION}
	 * or {@link SessionSort#ACTIVITY})
	 * @param sessionId its id
	 */
	public record Position(Instant startedAt, long value, String sessionId) {

	}

}
