package dev.replay.ingest.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Queries over sessions for the read side: search, one session, its views.
 */
@Repository
@NamedInterface("api")
public class SessionReader {

	// a session is live when a segment arrived within SessionSummary.LIVE_WINDOW
	private static final String SESSION_COLUMNS = """
			select id, application_id, started_at, ended_at, source, segment_count, event_count, first_url, user_id,
			       user_name, user_email, indexed_at, click_count, rage_click_count, dead_click_count, input_count, error_count,
			       active_duration_ms, received_at > now() - interval '%d seconds' as live,
			       indexed_version is distinct from updated_at as index_pending
			from replay_session"""
		.formatted(SessionSummary.LIVE_WINDOW.toSeconds());

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
	List<SessionSummary> findSessions(SessionFilter filter, ApplicationScope scope, SessionSort sort,
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
		Set<String> only = filter.sessionIds();
		if (only != null) {
			sql.append(" and s.id = any(:only)");
			params.put("only", only.toArray(String[]::new));
		}
		if (!filter.excludedSessionIds().isEmpty()) {
			sql.append(" and s.id <> all(:excluded)");
			params.put("excluded", filter.excludedSessionIds().toArray(String[]::new));
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
		if (filter.userId() != null) {
			sql.append(" and s.user_id = :userId");
			params.put("userId", filter.userId());
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

	/**
	 * The stored texts of a session that its filter's text conditions (URL, user, error,
	 * action) matched, each condition's texts apart, for checking them again after the
	 * session's redactions.
	 * @param sessionId the session
	 * @param filter the filter it passed
	 * @return the matched texts of each text condition of the filter, by condition
	 */
	Map<String, List<String>> matchedTexts(String sessionId, SessionFilter filter) {
		Map<String, List<String>> matched = new LinkedHashMap<>();
		if (filter.url() != null) {
			matched.put("url", texts("""
					select f.first_url from session_search f where f.session_id = :session and f.first_url ilike :text
					union select v.url from session_view v where v.session_id = :session and v.url ilike :text""",
					sessionId, filter.url()));
		}
		if (filter.user() != null) {
			matched.put("user",
					texts("""
							select f.user_text from session_search f where f.session_id = :session and f.user_text ilike :text""",
							sessionId, filter.user()));
		}
		if (filter.error() != null) {
			matched.put("error", texts("""
					select distinct e.error_message from rum_event e
					where e.session_id = :session and e.type = 'error' and e.error_message ilike :text""", sessionId,
					filter.error()));
		}
		if (filter.action() != null) {
			matched.put("action", texts("""
					select distinct e.action_name from rum_event e
					where e.session_id = :session and e.type = 'action' and e.action_name ilike :text""", sessionId,
					filter.action()));
		}
		return matched;
	}

	private List<String> texts(String sql, String sessionId, String text) {
		return this.jdbc.sql(sql)
			.param("session", sessionId)
			.param("text", containsPattern(text))
			.query(String.class)
			.list();
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
	 * Sessions by id, among those of the applications in a scope.
	 * @param sessionIds the ids
	 * @param scope the applications whose sessions may be seen
	 * @return the sessions recorded in one of those applications, in no particular order
	 */
	public List<SessionSummary> findSessions(Collection<String> sessionIds, ApplicationScope scope) {
		if (sessionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(SESSION_COLUMNS + " where id = any(:ids)"
					+ " and (cast(:apps as uuid[]) is null or application_id = any(cast(:apps as uuid[])))")
			.param("ids", sessionIds.toArray(String[]::new))
			.param("apps", scope.sqlArray())
			.query(SessionReader::toSummary)
			.list();
	}

	/**
	 * The browser and device of a session: what its RUM events reported, completed by
	 * what its user agent says.
	 * @param sessionId the id
	 * @return the description, empty when nothing is known
	 */
	public Optional<SessionClient> findClient(String sessionId) {
		return this.jdbc.sql("""
				select s.user_agent, r.browser_name, r.browser_version, r.os_name, r.os_version, r.device_type
				from replay_session s left join rum_session r on r.session_id = s.id
				where s.id = ?""")
			.param(sessionId)
			.query((rs,
					row) -> new SessionClient(rs.getString("browser_name"), rs.getString("browser_version"),
							rs.getString("os_name"), rs.getString("os_version"), rs.getString("device_type"))
						.orElse(UserAgents.describe(rs.getString("user_agent"))))
			.optional()
			.filter((client) -> !client.isEmpty());
	}

	/**
	 * A user of the recorded sites, from the sessions that carry their id.
	 * @param userId the site's user id
	 * @param scope the applications whose sessions count
	 * @return the user, if a session of one of those applications carries the id
	 */
	public Optional<SiteUser> findUser(String userId, ApplicationScope scope) {
		// one pass over the user's sessions (replay_session_user_idx); the name and email
		// are
		// the latest sent, since people change them
		return this.jdbc
			.sql("""
					select count(*) as sessions,
					       (array_agg(user_name order by started_at desc) filter (where user_name is not null))[1] as name,
					       (array_agg(user_email order by started_at desc) filter (where user_email is not null))[1] as email,
					       coalesce(sum(error_count) filter (where indexed_at is not null), 0) as errors,
					       coalesce(sum(rage_click_count) filter (where indexed_at is not null), 0) as rage_clicks,
					       min(started_at) as first_seen, max(ended_at) as last_seen
					from replay_session
					where user_id = :user
					  and (cast(:apps as uuid[]) is null or application_id = any(cast(:apps as uuid[])))
					having count(*) > 0""")
			.param("user", userId)
			.param("apps", scope.sqlArray())
			.query((rs, row) -> new SiteUser(userId, rs.getString("name"), rs.getString("email"),
					rs.getLong("sessions"), rs.getLong("errors"), rs.getLong("rage_clicks"),
					rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant()))
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
				rs.getString("user_email"), figures(rs), rs.getBoolean("live"), rs.getBoolean("index_pending"));
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
	record Position(Instant startedAt, long value, String sessionId) {

	}

}
