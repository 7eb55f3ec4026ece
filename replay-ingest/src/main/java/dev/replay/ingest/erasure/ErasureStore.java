package dev.replay.ingest.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.replay.ingest.resource.SessionImages;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of erasures: the {@code erasure} rows, and finding and deleting a batch
 * of a person's sessions. A person's sessions are found through the indexes on the user
 * of the session rows and of the RUM summaries (those RUM sessions that have no replay).
 */
@Repository
class ErasureStore {

	private static final String COLUMNS = """
			id, application_id, subject_kind, subject_sha256, subject, status, sessions_found, sessions_erased,
			batches, requested_by, requested_at, completed_at""";

	private final JdbcClient jdbc;

	private final SessionImages images;

	ErasureStore(JdbcClient jdbc, SessionImages images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	void insert(UUID id, ErasureSubject subject, @Nullable UUID applicationId, String requestedBy, int found) {
		this.jdbc.sql("""
				insert into erasure (id, application_id, subject_kind, subject_sha256, subject, requested_by,
				                     sessions_found)
				values (:id, :application, :kind, :sha256, :subject, :requestedBy, :found)""")
			.param("id", id)
			.param("application", applicationId)
			.param("kind", subject.kind().code())
			.param("sha256", subject.sha256())
			.param("subject", subject.value())
			.param("requestedBy", requestedBy)
			.param("found", found)
			.update();
	}

	boolean applicationExists(UUID applicationId) {
		return this.jdbc.sql("select exists (select 1 from application where id = ?)")
			.param(applicationId)
			.query(Boolean.class)
			.single();
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from erasure where id = ?")
			.param(id)
			.query(ErasureStore::row)
			.optional();
	}

	// the oldest erasure left to run that no other instance is running
	Optional<Row> lockNextUnfinished() {
		return this.jdbc.sql("select " + COLUMNS + """
				 from erasure where status <> 'completed'
				order by requested_at
				limit 1
				for update skip locked""").query(ErasureStore::row).optional();
	}

	int countSessions(ErasureSubject subject, @Nullable UUID applicationId) {
		return this.jdbc.sql("select count(*) from (" + matching(subject.kind()) + ") m")
			.param("subject", subject.value())
			.param("application", applicationId)
			.param("limit", Integer.MAX_VALUE)
			.query(Integer.class)
			.single();
	}

	List<PersonSession> findSessions(ErasureSubject subject, @Nullable UUID applicationId, int limit) {
		return this.jdbc.sql(matching(subject.kind()))
			.param("subject", subject.value())
			.param("application", applicationId)
			.param("limit", limit)
			.query((rs, row) -> new PersonSession(rs.getString(1), rs.getObject(2, UUID.class)))
			.list();
	}

	// the sessions with a replay, then those that RUM alone knows, each through its index
	private static String matching(SubjectKind kind) {
		String replayUser = (kind == SubjectKind.USER_ID) ? "user_id = :subject" : "lower(user_email) = :subject";
		return """
				(select id, application_id from replay_session
				 where %1$s and (cast(:application as uuid) is null or application_id = :application)
				 union
				 select session_id, application_id from rum_session
				 where %1$s and (cast(:application as uuid) is null or application_id = :application))
				limit :limit""".formatted(replayUser);
	}

	// the objects of the object store that the sessions' segments are in
	List<Long> segmentObjects(Collection<String> sessionIds) {
		return this.jdbc.sql("""
				select distinct s.object_id from segment s join replay_session r on r.number = s.session_number
				where r.id = any(:ids) and s.object_id is not null""")
			.param("ids", sessionIds.toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	// the sessions whose segments are in these objects as well
	List<String> sessionsSharing(Collection<Long> objectIds) {
		return this.jdbc.sql("""
				select distinct r.id from segment s join replay_session r on r.number = s.session_number
				where s.object_id = any(:objects)""")
			.param("objects", objectIds.toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	// Delete the sessions: the raw RUM batches that no other session needs, the sessions
	// (their segments, keyframes, views, search text, assets, holds, watches and playlist
	// items cascade; a trigger deletes their RUM events and summary), and what RUM alone
	// kept of those without a replay. Their images go once no other session shows them.
	int deleteSessions(Collection<String> sessionIds) {
		String[] ids = sessionIds.toArray(String[]::new);
		this.images.releaseImagesOf(sessionIds);
		this.jdbc.sql("""
				with unlinked as (delete from rum_batch_session where session_id = any(:ids) returning batch_id)
				delete from rum_batch b where b.id in (select batch_id from unlinked)
				  and not exists (select 1 from rum_batch_session rs
				                  where rs.batch_id = b.id and rs.session_id <> all(:ids))""")
			.param("ids", ids)
			.update();
		int deleted = this.jdbc.sql("delete from replay_session where id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from rum_event where session_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from rum_session where session_id = any(:ids)").param("ids", ids).update();
		return deleted;
	}

	void recordBatch(UUID id, int erased) {
		this.jdbc.sql("""
				update erasure set status = 'running', sessions_erased = sessions_erased + :erased,
				    batches = batches + 1, updated_at = now()
				where id = :id""").param("erased", erased).param("id", id).update();
	}

	// the person's id or email is forgotten with the last batch
	void complete(UUID id) {
		this.jdbc.sql("""
				update erasure set status = 'completed', subject = null, updated_at = now(), completed_at = now()
				where id = :id""").param("id", id).update();
	}

	static List<String> ids(List<PersonSession> sessions) {
		List<String> ids = new ArrayList<>(sessions.size());
		sessions.forEach((session) -> ids.add(session.id()));
		return ids;
	}

	private static Row row(ResultSet rs, int rowNumber) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		Erasure erasure = new Erasure(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				SubjectKind.of(rs.getString("subject_kind")), rs.getString("subject_sha256"),
				ErasureStatus.of(rs.getString("status")), rs.getInt("sessions_found"), rs.getInt("sessions_erased"),
				rs.getInt("batches"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				(completed != null) ? completed.toInstant() : null);
		String value = rs.getString("subject");
		return new Row(erasure, (value != null) ? new ErasureSubject(erasure.subjectKind(), value) : null);
	}

	/**
	 * An erasure with its subject, while it runs.
	 */
	record Row(Erasure erasure, @Nullable ErasureSubject subject) {

	}

	/**
	 * A session of the person.
	 */
	record PersonSession(String id, UUID applicationId) {

	}

}
