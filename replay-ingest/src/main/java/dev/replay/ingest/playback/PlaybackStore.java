package dev.replay.ingest.playback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import dev.replay.core.playback.PlaybackKeyframe;
import dev.replay.core.privacy.Redaction;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredParts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What opening a playback reads before the segments, in one query, and the stored
 * timeline summaries.
 */
@Repository
class PlaybackStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final RecordingStorage storage;

	PlaybackStore(JdbcClient jdbc, RecordingStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/**
	 * A session of an application in a scope, the span of its events and the latest
	 * keyframe at or before a moment, in one query: the span is the first and last event
	 * times of its segments (or of the session row, without segments), and the moment is
	 * an offset from the span's start, capped at its end.
	 * @param sessionId the session
	 * @param scope the applications whose sessions may be played
	 * @param from milliseconds from the session's start, or {@code null} for no keyframe
	 * @return the session, if recorded in one of those applications
	 */
	Optional<OpenedSession> open(String sessionId, ApplicationScope scope, @Nullable Long from) {
		// the span is cut to whole milliseconds as the events' timestamps are, before the
		// keyframe's moment is computed from it
		return this.jdbc
			.sql("""
					with session as (
					    select r.id, r.application_id,
					           floor(extract(epoch from coalesce(min(s.first_event_at), r.started_at)) * 1000)::bigint
					               as start_ms,
					           floor(extract(epoch from coalesce(max(s.last_event_at), r.ended_at)) * 1000)::bigint
					               as end_ms
					    from replay_session r left join segment s on s.session_number = r.number
					    where r.id = :id
					      and (cast(:apps as uuid[]) is null or r.application_id = any(cast(:apps as uuid[])))
					    group by r.id)
					select s.application_id, s.start_ms, s.end_ms, k.offset_ms, k.event_timestamp, k.next_event_index,
					       k.included_at_timestamp, k.events, k.masked_values, o.key, k.object_offset, k.object_length,
					       k.checksum
					from session s
					left join lateral (
					    select offset_ms, event_timestamp, next_event_index, included_at_timestamp, events, masked_values,
					           object_id, object_offset, object_length, checksum
					    from keyframe
					    where session_id = s.id and cast(:from as bigint) is not null
					      and event_timestamp <= 'epoch'::timestamptz
					          + (s.start_ms + least(cast(:from as bigint), s.end_ms - s.start_ms)) * interval '1 millisecond'
					    order by event_timestamp desc, offset_ms desc
					    limit 1) k on true
					left join stored_object o on o.id = k.object_id""")
			.param("id", sessionId)
			.param("apps", scope.sqlArray())
			.param("from", from)
			.query(this::toOpenedSession)
			.optional();
	}

	/**
	 * The application of a session.
	 * @param sessionId the session
	 * @return its application, empty if it was not recorded
	 */
	Optional<UUID> applicationOf(String sessionId) {
		return this.jdbc.sql("select application_id from replay_session where id = ?")
			.param(sessionId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The stored summary of a session's timeline, with a redaction applied to its texts
	 * (it may have been indexed before the latest rule).
	 * @param sessionId the session
	 * @param redaction the session's redaction
	 * @return the summary, if the session has been indexed
	 */
	Optional<TimelineSummary> summary(String sessionId, Redaction redaction) {
		return this.jdbc
			.sql("select timeline_summary::text from replay_session where id = ? and timeline_summary is not null")
			.param(sessionId)
			.query((rs, row) -> rs.getString(1))
			.optional()
			.map((json) -> JSON.readValue(redaction.applyToJson(json), TimelineSummary.class));
	}

	private OpenedSession toOpenedSession(ResultSet rs, int row) throws SQLException {
		PlaybackKeyframe keyframe = (rs.getObject("offset_ms") != null)
				? new PlaybackKeyframe(rs.getLong("offset_ms"), rs.getTimestamp("event_timestamp").getTime(),
						rs.getLong("next_event_index"), rs.getInt("included_at_timestamp"),
						KeyframeColumns.readEvents(this.storage
							.read(StoredParts.of(rs, "events", "key", "object_offset", "object_length", "checksum"))),
						KeyframeColumns.readMaskedValues(rs.getBytes("masked_values")))
				: null;
		return new OpenedSession(rs.getObject("application_id", UUID.class), rs.getLong("start_ms"),
				rs.getLong("end_ms"), keyframe);
	}

	/**
	 * A session opened for playback.
	 *
	 * @param applicationId its application
	 * @param start epoch milliseconds of its first event
	 * @param end epoch milliseconds of its last event
	 * @param keyframe the keyframe to play it from, if one was asked for and is stored
	 */
	record OpenedSession(UUID applicationId, long start, long end, @Nullable PlaybackKeyframe keyframe) {

	}

}
