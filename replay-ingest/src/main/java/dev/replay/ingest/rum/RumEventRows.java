package dev.replay.ingest.rum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.replay.core.rum.RumEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The typed rows of RUM events ({@code rum_event}), one per event. Runs inside the
 * caller's transaction. The events of a batch go in as one JDBC batch, on the
 * transaction's connection itself, because {@link JdbcClient} has none (ADR 0018).
 */
@Repository
class RumEventRows {

	private static final String INSERT = """
			insert into rum_event (session_id, application_id, batch_id, origin, type, event_key, time_ms, view_id,
			    view_url, view_name, document_version, error_message, error_source, error_type, error_stack,
			    console_level, action_type, action_name, frustration_types, resource_url, resource_method,
			    resource_status, resource_type, resource_size, duration_ms, loading_time_ms,
			    first_contentful_paint_ms, largest_contentful_paint_ms, cumulative_layout_shift,
			    interaction_to_next_paint_ms, first_input_delay_ms, raw)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
			    cast(? as jsonb))""";

	// rows sent to the database at a time
	private static final int CHUNK = 100;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator = new SQLExceptionSubclassTranslator();

	RumEventRows(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Insert events; with {@code keepStored}, an event stored before (same session, type
	 * and id) is left as it is.
	 * @param batchId the raw batch they came in, if any
	 * @param origin {@code datadog} or {@code recorder}
	 * @param events the events
	 * @param keepStored whether to leave an event stored before as it is, rather than
	 * fail
	 * @return for each event, whether it was inserted
	 */
	boolean[] insert(@Nullable Long batchId, String origin, List<RumEvent> events, boolean keepStored) {
		boolean[] inserted = new boolean[events.size()];
		if (events.isEmpty()) {
			return inserted;
		}
		String sql = keepStored ? INSERT + " on conflict (session_id, type, event_key) do nothing" : INSERT;
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int from = 0; from < events.size(); from += CHUNK) {
				int to = Math.min(events.size(), from + CHUNK);
				for (RumEvent event : events.subList(from, to)) {
					new ArgumentPreparedStatementSetter(values(batchId, origin, event)).setValues(statement);
					statement.addBatch();
				}
				int[] counts = statement.executeBatch();
				for (int k = 0; k < counts.length; k++) {
					inserted[from + k] = counts[k] > 0;
				}
			}
			return inserted;
		}
		catch (SQLException ex) {
			DataAccessException translated = this.translator.translate("insert RUM events", sql, ex);
			throw (translated != null) ? translated : new UncategorizedSQLException("insert RUM events", sql, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Insert a view from Datadog, or replace the one stored if this one has a newer
	 * document version.
	 * @param batchId the raw batch it came in
	 * @param view the view event
	 * @return {@code true} if the view was new
	 */
	boolean upsertView(long batchId, RumEvent view) {
		return this.jdbc.sql(INSERT + """
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
				returning (xmax = 0)""")
			.params(values(batchId, RumEventStore.ORIGIN_DATADOG, view))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Delete a session's events of one origin.
	 * @param sessionId the session
	 * @param origin {@code datadog} or {@code recorder}
	 */
	void delete(String sessionId, String origin) {
		this.jdbc.sql("delete from rum_event where session_id = ? and origin = ?").params(sessionId, origin).update();
	}

	// the values of an event's row, in the insert's order, each with its SQL type
	private static Object[] values(@Nullable Long batchId, String origin, RumEvent event) {
		RumEvent.ErrorDetail error = event.error();
		RumEvent.Action action = event.action();
		RumEvent.Resource resource = event.resource();
		RumEvent.Timings timings = event.timings();
		List<Object> values = new ArrayList<>(32);
		values.add(text(event.sessionId()));
		values.add(UUID.fromString(event.applicationId()));
		values.add(typed(Types.BIGINT, batchId));
		values.add(text(origin));
		values.add(text(event.type()));
		values.add(text(event.eventKey()));
		values.add(typed(Types.BIGINT, event.timeMs()));
		values.add(text(event.view().id()));
		values.add(text(event.view().url()));
		values.add(text(event.view().name()));
		values.add(typed(Types.BIGINT, event.documentVersion()));
		values.add(text((error != null) ? error.message() : null));
		values.add(text((error != null) ? error.source() : null));
		values.add(text((error != null) ? error.type() : null));
		values.add(text((error != null) ? error.stack() : null));
		values.add(text((error != null) ? error.level() : null));
		values.add(text((action != null) ? action.type() : null));
		values.add(text((action != null) ? action.name() : null));
		values.add((action != null) ? new SqlArrayValue("text", action.frustrationTypes().toArray())
				: typed(Types.ARRAY, null));
		values.add(text((resource != null) ? resource.url() : null));
		values.add(text((resource != null) ? resource.method() : null));
		values.add(typed(Types.INTEGER, (resource != null) ? resource.status() : null));
		values.add(text((resource != null) ? resource.type() : null));
		values.add(typed(Types.BIGINT, (resource != null) ? resource.size() : null));
		values.add(typed(Types.DOUBLE, event.durationMs()));
		values.add(typed(Types.DOUBLE, (timings != null) ? timings.loadingTimeMs() : null));
		values.add(typed(Types.DOUBLE, (timings != null) ? timings.firstContentfulPaintMs() : null));
		values.add(typed(Types.DOUBLE, (timings != null) ? timings.largestContentfulPaintMs() : null));
		values.add(typed(Types.DOUBLE, (timings != null) ? timings.cumulativeLayoutShift() : null));
		values.add(typed(Types.DOUBLE, (timings != null) ? timings.interactionToNextPaintMs() : null));
		values.add(typed(Types.DOUBLE, (timings != null) ? timings.firstInputDelayMs() : null));
		values.add(text(event.raw()));
		return values.toArray();
	}

	private static SqlParameterValue text(@Nullable String value) {
		return typed(Types.VARCHAR, value);
	}

	private static SqlParameterValue typed(int sqlType, @Nullable Object value) {
		return new SqlParameterValue(sqlType, value);
	}

}
