package dev.replay.ingest.timeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.timeline.Keyframe;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.TimelineSummary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Keyframes, timeline summaries and the indexing state of sessions.
 */
@Repository
@NamedInterface("api")
public class TimelineStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	TimelineStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sessions whose segments changed since they were indexed, and that have received
	 * none for a while.
	 * @param quietPeriod how long without a new segment
	 * @param limit the most sessions to return
	 * @return their ids, least recently changed first
	 */
	List<String> findStale(Duration quietPeriod, int limit) {
		return this.jdbc.sql("""
				select id from replay_session
				where indexed_version is distinct from updated_at
				  and updated_at < now() - make_interval(secs => :quiet)
				order by updated_at
				limit :limit""")
			.param("quiet", quietPeriod.toMillis() / 1000.0)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Take the transaction-scoped indexing lock of a session, unless another transaction
	 * holds it.
	 * @param sessionId the session
	 * @return whether this transaction holds it now
	 */
	boolean tryLock(String sessionId) {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('replay.timeline:' || ?, 0))")
			.param(sessionId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The version of a session to index, if it changed since it was indexed.
	 * @param sessionId the session
	 * @return its {@code updated_at}, if it needs indexing
	 */
	Optional<Timestamp> staleVersion(String sessionId) {
		return this.jdbc
			.sql("select updated_at from replay_session where id = ? and indexed_version is distinct from updated_at")
			.param(sessionId)
			.query(Timestamp.class)
			.optional();
	}

	void deleteKeyframes(String sessionId) {
		this.jdbc.sql("delete from keyframe where session_id = ?").param(sessionId).update();
	}

	void insertKeyframe(String sessionId, Keyframe keyframe, int includedAtTimestamp, List<String> maskedValues) {
		this.jdbc.sql("""
				insert into keyframe (session_id, offset_ms, event_timestamp, next_event_index, included_at_timestamp,
				                      events, masked_values)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (session_id, offset_ms) do nothing""")
			.params(sessionId, keyframe.offset(), new Timestamp(keyframe.timestamp()), keyframe.nextEventIndex(),
					includedAtTimestamp, gzip(keyframe.events()), gzip(JSON.writeValueAsBytes(maskedValues)))
			.update();
	}

	void saveSummary(String sessionId, Timestamp version, long eventCount, TimelineSummary summary) {
		TimelineSummary.Counts counts = summary.counts();
		this.jdbc.sql("""
				update replay_session set indexed_at = now(), indexed_version = :version,
				    indexed_event_count = :events, click_count = :clicks, rage_click_count = :rage,
				    dead_click_count = :dead, input_count = :inputs, error_count = :errors,
				    active_duration_ms = :active, timeline_summary = cast(:summary as jsonb)
				where id = :id""")
			.param("version", version)
			.param("events", eventCount)
			.param("clicks", counts.clicks())
			.param("rage", counts.rageClicks())
			.param("dead", counts.deadClicks())
			.param("inputs", counts.inputs())
			.param("errors", counts.errors())
			.param("active", summary.activeDuration())
			.param("summary", JSON.writeValueAsString(summary))
			.param("id", sessionId)
			.update();
	}

	// a session that cannot be indexed is passed over until a new segment changes it
	void passOver(String sessionId) {
		this.jdbc.sql("update replay_session set indexed_version = updated_at where id = ?").param(sessionId).update();
	}

	void saveEmpty(String sessionId, Timestamp version) {
		this.jdbc.sql("""
				update replay_session set indexed_at = now(), indexed_version = ?, indexed_event_count = 0
				where id = ?""").params(version, sessionId).update();
	}

	/**
	 * The latest keyframe of a session at or before a moment.
	 * @param sessionId the session
	 * @param timestamp epoch milliseconds
	 * @return the keyframe, if one is stored
	 */
	public Optional<StoredKeyframe> keyframeAtOrBefore(String sessionId, long timestamp) {
		return this.jdbc.sql("""
				select offset_ms, event_timestamp, included_at_timestamp, events, masked_values from keyframe
				where session_id = ? and event_timestamp <= ?
				order by event_timestamp desc, offset_ms desc
				limit 1""")
			.params(sessionId, new Timestamp(timestamp))
			.query((rs, row) -> new StoredKeyframe(rs.getLong(1), rs.getTimestamp(2).getTime(), rs.getInt(3),
					events(rs.getBytes(4)), values(rs.getBytes(5))))
			.optional();
	}

	/**
	 * The stored summary of a session's timeline.
	 * @param sessionId the session
	 * @return the summary, if the session has been indexed
	 */
	public Optional<TimelineSummary> summary(String sessionId) {
		return this.jdbc
			.sql("select timeline_summary::text from replay_session where id = ? and timeline_summary is not null")
			.param(sessionId)
			.query((rs, row) -> rs.getString(1))
			.optional()
			.map((json) -> JSON.readValue(json, TimelineSummary.class));
	}

	/**
	 * When a session's recorded events start and end: the first and last event times of
	 * its segments.
	 * @param sessionId the session
	 * @return epoch milliseconds of the start and of the end, if the session exists
	 */
	public Optional<SessionBounds> bounds(String sessionId) {
		return this.jdbc.sql("""
				select coalesce(min(s.first_event_at), r.started_at), coalesce(max(s.last_event_at), r.ended_at)
				from replay_session r left join segment s on s.session_id = r.id
				where r.id = ?
				group by r.id""")
			.param(sessionId)
			.query((rs, row) -> new SessionBounds(rs.getTimestamp(1).getTime(), rs.getTimestamp(2).getTime()))
			.optional();
	}

	/**
	 * The number of keyframes stored for a session.
	 * @param sessionId the session
	 * @return the count
	 */
	public long keyframeCount(String sessionId) {
		return this.jdbc.sql("select count(*) from keyframe where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private static byte[] gzip(List<RawEvent> events) {
		ByteArrayOutputStream array = new ByteArrayOutputStream();
		array.write('[');
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				array.write(',');
			}
			array.writeBytes(events.get(i).json());
		}
		array.write(']');
		return gzip(array.toByteArray());
	}

	private static byte[] gzip(byte[] json) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static List<RawEvent> events(byte[] bytes) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return RrwebEventReader.readArray(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> values(byte[] bytes) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return List.of(JSON.readValue(in, String[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The span of a session's events.
	 *
	 * @param start epoch milliseconds of the first event
	 * @param end epoch milliseconds of the last event
	 */
	public record SessionBounds(long start, long end) {

	}

}
