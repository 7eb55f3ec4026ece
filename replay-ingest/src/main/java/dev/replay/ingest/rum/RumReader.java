package dev.replay.ingest.rum;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.replay.core.privacy.Redaction;
import dev.replay.core.rum.RumEvent;
import dev.replay.ingest.application.ApplicationScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Queries over the RUM events of sessions.
 */
@Repository
class RumReader {

	// the application a session belongs to: its recording's, else its RUM events'
	private static final String APPLICATION_OF_SESSION = """
			coalesce(
			  (select application_id from replay_session where id = :id),
			  (select application_id from rum_session where session_id = :id),
			  (select application_id from rum_event where session_id = :id limit 1))""";

	private static final List<String> CAPTURABLE = List.of(RumEvent.RESOURCE, RumEvent.ACTION, RumEvent.LONG_TASK);

	private final JdbcClient jdbc;

	RumReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * When a session starts, as the player counts time: its first recorded event, or its
	 * first RUM event when it has no recording.
	 * @param sessionId the session
	 * @param scope the applications whose sessions may be seen
	 * @return epoch milliseconds, empty when neither a recording nor RUM events exist, or
	 * when the session's application is not in the scope
	 */
	Optional<Long> sessionStart(String sessionId, ApplicationScope scope) {
		return this.jdbc.sql("""
				select coalesce(
				  (select (extract(epoch from min(s.first_event_at)) * 1000)::bigint
				   from replay_session r join segment s on s.session_number = r.number where r.id = :id),
				  (select (extract(epoch from started_at) * 1000)::bigint from replay_session where id = :id),
				  (select first_event_ms from rum_session where session_id = :id),
				  (select min(time_ms) from rum_event where session_id = :id))
				where cast(:apps as uuid[]) is null or (""" + APPLICATION_OF_SESSION + """
				) = any(cast(:apps as uuid[]))""")
			.param("id", sessionId)
			.param("apps", scope.sqlArray())
			.query(Long.class)
			.optional();
	}

	/**
	 * The application of a session that has a recording or RUM events.
	 * @param sessionId the session
	 * @return the application, empty when the session is unknown
	 */
	Optional<UUID> applicationOf(String sessionId) {
		return this.jdbc.sql("select " + APPLICATION_OF_SESSION).param("id", sessionId).query(UUID.class).optional();
	}

	/**
	 * A session's events in time order, after a position.
	 * @param sessionId the session
	 * @param type only events of this type ({@code console} also takes errors logged to
	 * the console), or {@code null} for all
	 * @param after the last event of the previous page, or {@code null}
	 * @param limit the most rows
	 * @param sessionStart the session's start, epoch milliseconds, for the offsets
	 * @param redaction the session's redaction, applied to the events' texts and URLs
	 * @return the events
	 */
	List<RumItem> events(String sessionId, @Nullable String type, @Nullable Position after, int limit,
			long sessionStart, Redaction redaction) {
		return this.jdbc
			.sql("""
					select id, type, origin, time_ms, view_id, view_url, view_name, error_message, error_source, error_type,
					       error_stack, console_level, action_type, action_name, frustration_types, resource_url,
					       resource_method, resource_status, resource_type, resource_size, duration_ms, loading_time_ms,
					       first_contentful_paint_ms, largest_contentful_paint_ms, cumulative_layout_shift,
					       interaction_to_next_paint_ms, first_input_delay_ms, raw::text as raw
					from rum_event e
					where session_id = :session and type <> 'capture'
					  and (cast(:type as text) is null or type = :type
					       or (:type = 'console' and type = 'error' and error_source = 'console'))
					  and (cast(:afterTime as bigint) is null or (time_ms, id) > (:afterTime, :afterId))
					  -- a recording's page loads stand in for views only where RUM sent none
					  and not (origin = 'recorder' and type = 'view' and exists (
					      select 1 from rum_event d where d.session_id = :session and d.type = 'view' and d.origin = 'datadog'))
					order by time_ms, id
					limit :limit""")
			.param("session", sessionId)
			.param("type", type)
			.param("afterTime", (after != null) ? after.timeMs() : null)
			.param("afterId", (after != null) ? after.id() : null)
			.param("limit", limit)
			.query((rs, row) -> toItem(rs, sessionStart, redaction))
			.list();
	}

	/**
	 * The kinds of events among requests, actions and long tasks that a session's
	 * recorders captured, whether or not any happened: those our recorder script says it
	 * captures, all of them when a Datadog SDK sent events, and any the session has.
	 * @param sessionId the session
	 * @return {@code resource}, {@code action} and {@code long_task}, or some of them, in
	 * that order
	 */
	List<String> captured(String sessionId) {
		List<String> kinds = this.jdbc.sql("""
				-- what our recorder declared: an array of strings, as the reader checked
				select jsonb_array_elements_text(raw->'data'->'payload'->'kinds') from rum_event
				where session_id = :session and origin = 'recorder' and type = 'capture'
				  and jsonb_typeof(raw->'data'->'payload'->'kinds') = 'array'
				union
				select type from rum_event
				where session_id = :session and type in ('resource', 'action', 'long_task')
				group by type
				union
				select kind from unnest(array['resource', 'action', 'long_task']) as kind
				where exists (select 1 from rum_event where session_id = :session and origin = 'datadog')""")
			.param("session", sessionId)
			.query(String.class)
			.list();
		return CAPTURABLE.stream().filter(kinds::contains).toList();
	}

	/**
	 * What RUM told about a session.
	 * @param sessionId the session
	 * @param sessionStart the session's start, epoch milliseconds, for the offsets
	 * @param redaction the session's redaction, applied to its URLs, names and user
	 * fields
	 * @return the summary, empty when no RUM event of the session was received
	 */
	Optional<RumSessionSummary> summary(String sessionId, long sessionStart, Redaction redaction) {
		List<RumSessionSummary.ViewTimings> views = this.jdbc.sql("""
				select view_id, view_url, view_name, time_ms, loading_time_ms, first_contentful_paint_ms,
				       largest_contentful_paint_ms, cumulative_layout_shift, interaction_to_next_paint_ms,
				       first_input_delay_ms
				from rum_event where session_id = ? and type = 'view' and origin = 'datadog'
				order by time_ms, id""")
			.param(sessionId)
			.query((rs, row) -> new RumSessionSummary.ViewTimings(rs.getString("view_id"),
					redaction.apply(rs.getString("view_url")), redaction.apply(rs.getString("view_name")),
					rs.getLong("time_ms") - sessionStart, timings(rs)))
			.list();
		return this.jdbc.sql("select * from rum_session where session_id = ?")
			.param(sessionId)
			.query((rs, row) -> new RumSessionSummary(sessionId,
					new RumEvent.Context(redaction.apply(rs.getString("user_id")),
							redaction.apply(rs.getString("user_name")), redaction.apply(rs.getString("user_email")),
							redaction.apply(rs.getString("user_anonymous_id")), rs.getString("device_type"),
							rs.getString("device_name"), rs.getString("os_name"), rs.getString("os_version"),
							rs.getString("browser_name"), rs.getString("browser_version"), rs.getString("country")),
					redaction.apply(rs.getString("first_url")), redaction.apply(rs.getString("last_url")),
					rs.getInt("view_count"), rs.getInt("error_count"), rs.getInt("action_count"),
					rs.getInt("frustration_count"), rs.getInt("rage_click_count"), rs.getInt("dead_click_count"),
					rs.getInt("error_click_count"), views))
			.optional();
	}

	private static RumItem toItem(ResultSet rs, long sessionStart, Redaction redaction) throws SQLException {
		String type = rs.getString("type");
		long time = rs.getLong("time_ms");
		String errorMessage = redaction.apply(rs.getString("error_message"));
		String errorSource = rs.getString("error_source");
		String level = rs.getString("console_level");
		RumEvent.ErrorDetail error = (errorMessage != null || errorSource != null || level != null)
				? new RumEvent.ErrorDetail(errorMessage, errorSource, rs.getString("error_type"),
						redaction.apply(rs.getString("error_stack")), level)
				: null;
		Array frustrations = rs.getArray("frustration_types");
		RumItem.ActionItem action = RumEvent.ACTION.equals(type)
				? new RumItem.ActionItem(rs.getString("action_type"), redaction.apply(rs.getString("action_name")),
						(frustrations != null) ? List.of((String[]) frustrations.getArray()) : List.of())
				: null;
		RumEvent.Resource resource = "resource".equals(type)
				? new RumEvent.Resource(redaction.apply(rs.getString("resource_url")), rs.getString("resource_method"),
						rs.getObject("resource_status", Integer.class), rs.getString("resource_type"),
						rs.getObject("resource_size", Long.class))
				: null;
		return new RumItem(rs.getLong("id"), type, rs.getString("origin"), time, time - sessionStart,
				new RumEvent.View(rs.getString("view_id"), redaction.apply(rs.getString("view_url")),
						redaction.apply(rs.getString("view_name"))),
				error, action, resource, rs.getObject("duration_ms", Double.class),
				RumEvent.VIEW.equals(type) ? timings(rs) : null, redaction.applyToJson(rs.getString("raw")));
	}

	private static RumEvent.Timings timings(ResultSet rs) throws SQLException {
		return new RumEvent.Timings(rs.getObject("loading_time_ms", Double.class),
				rs.getObject("first_contentful_paint_ms", Double.class),
				rs.getObject("largest_contentful_paint_ms", Double.class),
				rs.getObject("cumulative_layout_shift", Double.class),
				rs.getObject("interaction_to_next_paint_ms", Double.class),
				rs.getObject("first_input_delay_ms", Double.class));
	}

	/**
	 * Where a page of events ends.
	 *
	 * @param timeMs the time of the last event on the page
	 * @param id its id
	 */
	record Position(long timeMs, long id) {

	}

}
