package dev.replay.ingest.rum;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.replay.core.rum.RumEvent;
import dev.replay.core.rum.RumEvent.Context;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Writes RUM events in typed rows and keeps the per-session summary they feed
 * ({@code rum_session}) and the session's user up to date. Runs inside the caller's
 * transaction.
 */
@Repository
@NamedInterface("api")
public class RumEventStore {

	private static final String COLUMNS = """
			session_id, application_id, batch_id, origin, type, event_key, time_ms, view_id, view_url, view_name,
			document_version, error_message, error_source, error_type, error_stack, console_level, action_type,
			action_name, frustration_types, resource_url, resource_method, resource_status, resource_type,
			resource_size, duration_ms, loading_time_ms, first_contentful_paint_ms, largest_contentful_paint_ms,
			cumulative_layout_shift, interaction_to_next_paint_ms, first_input_delay_ms, raw""";

	private static final String VALUES = "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
			+ "?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))";

	private static final String INSERT = "insert into rum_event (" + COLUMNS + ") " + VALUES;

	private static final String ORIGIN_DATADOG = "datadog";

	private static final String ORIGIN_RECORDER = "recorder";

	private static final Comparator<RumEvent> LOCK_ORDER = Comparator.comparing(RumEvent::sessionId)
		.thenComparing(RumEvent::type)
		.thenComparing(RumEvent::eventKey, Comparator.nullsLast(Comparator.naturalOrder()));

	private final JdbcTemplate jdbc;

	RumEventStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Store the RUM events of a batch; events stored before (same session, type and id)
	 * are left as they are, except views, which a newer document version replaces. Then
	 * count the new ones into their sessions' summaries.
	 * @param batchId the raw batch they came in
	 * @param events the events
	 */
	void storeDatadog(long batchId, List<RumEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Map<String, SessionDelta> deltas = new TreeMap<>();
		List<RumEvent> others = new ArrayList<>();
		// one order for every batch, so that concurrent batches with the same events take
		// their locks in the same order
		List<RumEvent> ordered = new ArrayList<>(events);
		ordered.sort(LOCK_ORDER);
		for (RumEvent event : ordered) {
			SessionDelta delta = deltas.computeIfAbsent(event.sessionId(),
					(id) -> new SessionDelta(UUID.fromString(event.applicationId())));
			delta.seen(event);
			if (RumEvent.VIEW.equals(event.type())) {
				if (upsertView(batchId, event)) {
					delta.viewCount++;
				}
			}
			else {
				others.add(event);
			}
		}
		int[][] inserted = this.jdbc.batchUpdate(INSERT + " on conflict (session_id, type, event_key) do nothing",
				others, 100, (statement, event) -> bind(statement, batchId, ORIGIN_DATADOG, event));
		int index = 0;
		for (int[] chunk : inserted) {
			for (int count : chunk) {
				if (count > 0) {
					deltas.get(others.get(index).sessionId()).counted(others.get(index));
				}
				index++;
			}
		}
		deltas.forEach(this::saveSession);
	}

	/**
	 * Replace the events derived from a session's rrweb recording (console messages,
	 * errors and navigations that our recorder script recorded).
	 * @param sessionId the session
	 * @param events the events, in time order
	 */
	public void replaceRecorded(String sessionId, List<RumEvent> events) {
		this.jdbc.update("delete from rum_event where session_id = ? and origin = ?", sessionId, ORIGIN_RECORDER);
		this.jdbc.batchUpdate(INSERT, events, 100, (statement, event) -> bind(statement, null, ORIGIN_RECORDER, event));
	}

	private boolean upsertView(long batchId, RumEvent view) {
		Boolean inserted = this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(INSERT + """
					 on conflict (session_id, type, event_key) do update set
					   batch_id = excluded.batch_id, time_ms = excluded.time_ms, view_url = excluded.view_url,
					   view_name = excluded.view_name, document_version = excluded.document_version,
					   loading_time_ms = excluded.loading_time_ms,
					   first_contentful_paint_ms = excluded.first_contentful_paint_ms,
					   largest_contentful_paint_ms = excluded.largest_contentful_paint_ms,
					   cumulative_layout_shift = excluded.cumulative_layout_shift,
					   interaction_to_next_paint_ms = excluded.interaction_to_next_paint_ms,
					   first_input_delay_ms = excluded.first_input_delay_ms, raw = excluded.raw
					 where rum_event.document_version is null
					    or rum_event.document_version < excluded.document_version
					returning (xmax = 0)""")) {
				bind(statement, batchId, ORIGIN_DATADOG, view);
				try (ResultSet rows = statement.executeQuery()) {
					return rows.next() && rows.getBoolean(1);
				}
			}
		});
		return Boolean.TRUE.equals(inserted);
	}

	private static void bind(PreparedStatement statement, @Nullable Long batchId, String origin, RumEvent event)
			throws SQLException {
		RumEvent.ErrorDetail error = event.error();
		RumEvent.Action action = event.action();
		RumEvent.Resource resource = event.resource();
		RumEvent.Timings timings = event.timings();
		int i = 1;
		statement.setString(i++, event.sessionId());
		statement.setObject(i++, UUID.fromString(event.applicationId()));
		setLong(statement, i++, batchId);
		statement.setString(i++, origin);
		statement.setString(i++, event.type());
		statement.setString(i++, event.eventKey());
		statement.setLong(i++, event.timeMs());
		statement.setString(i++, event.view().id());
		statement.setString(i++, event.view().url());
		statement.setString(i++, event.view().name());
		setLong(statement, i++, event.documentVersion());
		statement.setString(i++, (error != null) ? error.message() : null);
		statement.setString(i++, (error != null) ? error.source() : null);
		statement.setString(i++, (error != null) ? error.type() : null);
		statement.setString(i++, (error != null) ? error.stack() : null);
		statement.setString(i++, (error != null) ? error.level() : null);
		statement.setString(i++, (action != null) ? action.type() : null);
		statement.setString(i++, (action != null) ? action.name() : null);
		if (action != null) {
			Array types = statement.getConnection().createArrayOf("text", action.frustrationTypes().toArray());
			statement.setArray(i++, types);
		}
		else {
			statement.setNull(i++, Types.ARRAY);
		}
		statement.setString(i++, (resource != null) ? resource.url() : null);
		statement.setString(i++, (resource != null) ? resource.method() : null);
		setInteger(statement, i++, (resource != null) ? resource.status() : null);
		statement.setString(i++, (resource != null) ? resource.type() : null);
		setLong(statement, i++, (resource != null) ? resource.size() : null);
		setDouble(statement, i++, event.durationMs());
		setDouble(statement, i++, (timings != null) ? timings.loadingTimeMs() : null);
		setDouble(statement, i++, (timings != null) ? timings.firstContentfulPaintMs() : null);
		setDouble(statement, i++, (timings != null) ? timings.largestContentfulPaintMs() : null);
		setDouble(statement, i++, (timings != null) ? timings.cumulativeLayoutShift() : null);
		setDouble(statement, i++, (timings != null) ? timings.interactionToNextPaintMs() : null);
		setDouble(statement, i++, (timings != null) ? timings.firstInputDelayMs() : null);
		statement.setString(i, event.raw());
	}

	private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

	private static void setInteger(PreparedStatement statement, int index, @Nullable Integer value)
			throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

	private static void setDouble(PreparedStatement statement, int index, @Nullable Double value) throws SQLException {
		if (value != null) {
			statement.setDouble(index, value);
		}
		else {
			statement.setNull(index, Types.DOUBLE);
		}
	}

	private void saveSession(String sessionId, SessionDelta delta) {
		Context user = delta.context;
		this.jdbc.update("""
				insert into rum_session (session_id, application_id, first_event_ms, last_event_ms, first_url, last_url,
				    user_id, user_name, user_email, user_anonymous_id, device_type, device_name, os_name, os_version,
				    browser_name, browser_version, country, view_count, error_count, action_count, frustration_count,
				    rage_click_count, dead_click_count, error_click_count)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (session_id) do update set
				  first_url = case when excluded.first_event_ms < rum_session.first_event_ms
				                   then coalesce(excluded.first_url, rum_session.first_url)
				                   else coalesce(rum_session.first_url, excluded.first_url) end,
				  last_url = case when excluded.last_event_ms >= rum_session.last_event_ms
				                  then coalesce(excluded.last_url, rum_session.last_url)
				                  else coalesce(rum_session.last_url, excluded.last_url) end,
				  first_event_ms = least(rum_session.first_event_ms, excluded.first_event_ms),
				  last_event_ms = greatest(rum_session.last_event_ms, excluded.last_event_ms),
				  user_id = coalesce(excluded.user_id, rum_session.user_id),
				  user_name = coalesce(excluded.user_name, rum_session.user_name),
				  user_email = coalesce(excluded.user_email, rum_session.user_email),
				  user_anonymous_id = coalesce(excluded.user_anonymous_id, rum_session.user_anonymous_id),
				  device_type = coalesce(excluded.device_type, rum_session.device_type),
				  device_name = coalesce(excluded.device_name, rum_session.device_name),
				  os_name = coalesce(excluded.os_name, rum_session.os_name),
				  os_version = coalesce(excluded.os_version, rum_session.os_version),
				  browser_name = coalesce(excluded.browser_name, rum_session.browser_name),
				  browser_version = coalesce(excluded.browser_version, rum_session.browser_version),
				  country = coalesce(excluded.country, rum_session.country),
				  view_count = rum_session.view_count + excluded.view_count,
				  error_count = rum_session.error_count + excluded.error_count,
				  action_count = rum_session.action_count + excluded.action_count,
				  frustration_count = rum_session.frustration_count + excluded.frustration_count,
				  rage_click_count = rum_session.rage_click_count + excluded.rage_click_count,
				  dead_click_count = rum_session.dead_click_count + excluded.dead_click_count,
				  error_click_count = rum_session.error_click_count + excluded.error_click_count,
				  updated_at = now()""", sessionId, delta.applicationId, delta.firstMs, delta.lastMs, delta.firstUrl,
				delta.lastUrl, user.userId(), user.userName(), user.userEmail(), user.anonymousId(), user.deviceType(),
				user.deviceName(), user.osName(), user.osVersion(), user.browserName(), user.browserVersion(),
				user.country(), delta.viewCount, delta.errorCount, delta.actionCount, delta.frustrationCount,
				delta.rageClickCount, delta.deadClickCount, delta.errorClickCount);
		if (user.userId() == null && user.userName() == null && user.userEmail() == null) {
			return;
		}
		// only where the session misses them, so that RUM rarely locks the row that the
		// replay intake writes
		this.jdbc.update(
				"""
						update replay_session s
						set user_id = coalesce(s.user_id, r.user_id), user_name = coalesce(s.user_name, r.user_name),
						    user_email = coalesce(s.user_email, r.user_email)
						from rum_session r
						where s.id = ? and r.session_id = s.id
						  and ((s.user_id is null and r.user_id is not null) or (s.user_name is null and r.user_name is not null)
						       or (s.user_email is null and r.user_email is not null))""",
				sessionId);
	}

	/**
	 * What one batch adds to a session's summary.
	 */
	private static final class SessionDelta {

		private final UUID applicationId;

		private long firstMs = Long.MAX_VALUE;

		private long lastMs = Long.MIN_VALUE;

		private @Nullable String firstUrl;

		private @Nullable String lastUrl;

		private long firstUrlMs = Long.MAX_VALUE;

		private long lastUrlMs = Long.MIN_VALUE;

		private Context context = Context.NONE;

		private long contextMs = Long.MIN_VALUE;

		private int viewCount;

		private int errorCount;

		private int actionCount;

		private int frustrationCount;

		private int rageClickCount;

		private int deadClickCount;

		private int errorClickCount;

		SessionDelta(UUID applicationId) {
			this.applicationId = applicationId;
		}

		void seen(RumEvent event) {
			String url = event.view().url();
			if (url != null && event.timeMs() < this.firstUrlMs) {
				this.firstUrl = url;
				this.firstUrlMs = event.timeMs();
			}
			if (url != null && event.timeMs() >= this.lastUrlMs) {
				this.lastUrl = url;
				this.lastUrlMs = event.timeMs();
			}
			this.firstMs = Math.min(this.firstMs, event.timeMs());
			this.lastMs = Math.max(this.lastMs, event.timeMs());
			// the latest event's values win where it has them
			if (event.timeMs() >= this.contextMs) {
				this.context = merge(this.context, event.context());
				this.contextMs = event.timeMs();
			}
			else {
				this.context = merge(event.context(), this.context);
			}
		}

		void counted(RumEvent event) {
			if (RumEvent.ERROR.equals(event.type())) {
				this.errorCount++;
			}
			RumEvent.Action action = event.action();
			if (action != null) {
				this.actionCount++;
				if (!action.frustrationTypes().isEmpty()) {
					this.frustrationCount++;
				}
				this.rageClickCount += action.frustrationTypes().contains("rage_click") ? 1 : 0;
				this.deadClickCount += action.frustrationTypes().contains("dead_click") ? 1 : 0;
				this.errorClickCount += action.frustrationTypes().contains("error_click") ? 1 : 0;
			}
		}

		// the later context's values win where it has them
		private static Context merge(Context earlier, Context later) {
			return new Context(or(later.userId(), earlier.userId()), or(later.userName(), earlier.userName()),
					or(later.userEmail(), earlier.userEmail()), or(later.anonymousId(), earlier.anonymousId()),
					or(later.deviceType(), earlier.deviceType()), or(later.deviceName(), earlier.deviceName()),
					or(later.osName(), earlier.osName()), or(later.osVersion(), earlier.osVersion()),
					or(later.browserName(), earlier.browserName()),
					or(later.browserVersion(), earlier.browserVersion()), or(later.country(), earlier.country()));
		}

		private static @Nullable String or(@Nullable String preferred, @Nullable String fallback) {
			return (preferred != null) ? preferred : fallback;
		}

	}

}
