package dev.replay.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit trail, newest first, for admins.
 */
@Service
class AuditTrail {

	private static final int EXPORT_FETCH_SIZE = 500;

	private static final String SELECT = """
			select id, occurred_at, actor, action, target_type, target_id, details::text as details, client_address
			from audit_event
			where (cast(:actor as text) is null or actor = :actor)
			  and (cast(:action as text) is null or action = :action)
			  and (cast(:targetType as text) is null or target_type = :targetType)
			  and (cast(:targetId as text) is null or target_id = :targetId)
			  and (cast(:from as timestamptz) is null or occurred_at >= :from)
			  and (cast(:to as timestamptz) is null or occurred_at < :to)
			  and (cast(:before as bigint) is null or id < :before)
			order by id desc""";

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	List<AuditEventResponse> find(AuditEventQuery query, @Nullable Long before, int limit) {
		return this.jdbc.sql(SELECT + " limit :limit")
			.paramSource(parameters(query, before).addValue("limit", limit))
			.query(this::toResponse)
			.list();
	}

	/**
	 * Hand every matching event to a consumer, reading them from a database cursor so
	 * that the trail is never held in memory.
	 * @param query the filters
	 * @param consumer receives each event
	 */
	void forEach(AuditEventQuery query, Consumer<AuditEventResponse> consumer) {
		// PostgreSQL only honours the fetch size inside a transaction
		this.readOnly.executeWithoutResult((status) -> this.jdbc.sql(SELECT)
			.withFetchSize(EXPORT_FETCH_SIZE)
			.paramSource(parameters(query, null))
			.query((ResultSet rs) -> consumer.accept(toResponse(rs, 0))));
	}

	private static MapSqlParameterSource parameters(AuditEventQuery query, @Nullable Long before) {
		return new MapSqlParameterSource().addValue("actor", query.actor())
			.addValue("action", query.action())
			.addValue("targetType", query.targetType())
			.addValue("targetId", query.targetId())
			.addValue("from", (query.from() != null) ? Timestamp.from(query.from()) : null)
			.addValue("to", (query.to() != null) ? Timestamp.from(query.to()) : null)
			.addValue("before", before);
	}

	private AuditEventResponse toResponse(ResultSet rs, int row) throws SQLException {
		return new AuditEventResponse(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
				this.json.readTree(rs.getString("details")), rs.getString("client_address"));
	}

}
