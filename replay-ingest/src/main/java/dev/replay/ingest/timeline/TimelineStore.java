package dev.replay.ingest.timeline;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.replay.core.playback.PlaybackKeyframe;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.playback.KeyframeColumns;
import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StorageKind;
import dev.replay.ingest.storage.StoredObjects;
import dev.replay.ingest.storage.StoredPart;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The indexer's writes: keyframes, timeline summaries and the indexing state of sessions,
 * which playback ({@code ingest.playback}) reads.
 */
@Repository
class TimelineStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// the keyframes of one indexing stored in one object with the object store, up to
	// this many bytes
	private static final long KEYFRAME_OBJECT_BYTES = 8L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final RecordingStorage storage;

	private final StoredObjects objects;

	TimelineStore(JdbcClient jdbc, RecordingStorage storage, StoredObjects objects) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.objects = objects;
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
	 * @return its {@code updated_at} and when it was last asked to be indexed again, if
	 * it needs indexing
	 */
	Optional<StaleVersion> staleVersion(String sessionId) {
		return this.jdbc.sql("""
				select updated_at, index_requested_at from replay_session
				where id = ? and indexed_version is distinct from updated_at""")
			.param(sessionId)
			.query((rs, row) -> new StaleVersion(rs.getTimestamp(1), rs.getTimestamp(2)))
			.optional();
	}

	void deleteKeyframes(String sessionId) {
		this.jdbc.sql("delete from keyframe where session_id = ?").param(sessionId).update();
	}

	/**
	 * Where the keyframes of one indexing of a session go; the caller flushes it at the
	 * end.
	 * @param sessionId the session
	 * @return the buffer
	 */
	KeyframeBuffer keyframes(String sessionId) {
		long flushBytes = (this.storage.kind() == StorageKind.POSTGRES) ? 0 : KEYFRAME_OBJECT_BYTES;
		return new KeyframeBuffer(flushBytes, (keyframes, events) -> insertKeyframes(sessionId, keyframes, events));
	}

	private void insertKeyframes(String sessionId, List<PlaybackKeyframe> keyframes, List<byte[]> events) {
		List<StoredPart> parts = this.storage.store(ObjectKind.KEYFRAME, events);
		Map<String, Long> objectIds = this.objects.register(ObjectKind.KEYFRAME, parts);
		for (int i = 0; i < keyframes.size(); i++) {
			PlaybackKeyframe keyframe = keyframes.get(i);
			StoredPart part = parts.get(i);
			boolean inRow = part.isInRow();
			this.jdbc
				.sql("""
						insert into keyframe (session_id, offset_ms, event_timestamp, next_event_index, included_at_timestamp,
						                      events, masked_values, object_id, object_offset, object_length, checksum)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						on conflict (session_id, offset_ms) do nothing""")
				.params(sessionId, keyframe.offset(), new Timestamp(keyframe.timestamp()), keyframe.nextEventIndex(),
						keyframe.includedAtTimestamp(), part.inline(),
						KeyframeColumns.maskedValues(keyframe.maskedValues()),
						inRow ? null : objectIds.get(part.objectKey()), inRow ? null : part.offset(),
						inRow ? null : part.length(), inRow ? null : part.checksum())
				.update();
		}
	}

	void saveSummary(String sessionId, StaleVersion version, long eventCount, TimelineSummary summary) {
		TimelineSummary.Counts counts = summary.counts();
		this.jdbc
			.sql("""
					update replay_session set indexed_at = now(),
					    indexed_version = case when index_requested_at is not distinct from cast(:requested as timestamptz) then cast(:version as timestamptz) end,
					    indexed_event_count = :events, click_count = :clicks, rage_click_count = :rage,
					    dead_click_count = :dead, input_count = :inputs, error_count = :errors,
					    active_duration_ms = :active, timeline_summary = cast(:summary as jsonb)
					where id = :id""")
			.param("version", version.updatedAt())
			.param("requested", version.indexRequestedAt())
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

	/**
	 * Replace the views that in-page navigations open in a session (the summary's views
	 * of {@link TimelineSummary.Opening#NAVIGATION}); the views that segments name stay
	 * as ingest wrote them. Their ids, {@code navigation-1}, {@code navigation-2} …,
	 * number them in order; one that a segment's view id already took is left out.
	 * @param sessionId the session
	 * @param summary the session's timeline summary
	 */
	void replaceNavigationViews(String sessionId, TimelineSummary summary) {
		// after saveSummary, which locked the session's row: the lock order of ingest,
		// session before views
		this.jdbc.sql("delete from session_view where session_id = ? and navigation").param(sessionId).update();
		int number = 0;
		for (TimelineSummary.View view : summary.views()) {
			if (view.opening() == TimelineSummary.Opening.NAVIGATION) {
				this.jdbc.sql("""
						insert into session_view (session_id, id, url, started_at, navigation)
						values (?, ?, ?, ?, true)
						on conflict (session_id, id) do nothing""")
					.params(sessionId, "navigation-" + (++number), view.url(),
							new Timestamp(summary.startTimestamp() + view.start()))
					.update();
			}
		}
	}

	// a session that cannot be indexed is passed over until a new segment changes it
	void passOver(String sessionId) {
		this.jdbc.sql("update replay_session set indexed_version = updated_at where id = ?").param(sessionId).update();
	}

	void saveEmpty(String sessionId, StaleVersion version) {
		this.jdbc
			.sql("""
					update replay_session set indexed_at = now(), indexed_event_count = 0,
					    indexed_version = case when index_requested_at is not distinct from cast(:requested as timestamptz) then cast(:version as timestamptz) end
					where id = :id""")
			.param("version", version.updatedAt())
			.param("requested", version.indexRequestedAt())
			.param("id", sessionId)
			.update();
	}

	/**
	 * What a session's row said when its indexing began: an indexing saved as the index
	 * of that version only if nobody asked for another one meanwhile; otherwise the
	 * session stays stale, to be indexed again.
	 *
	 * @param updatedAt the version of its segments
	 * @param indexRequestedAt when it was last asked to be indexed again, or {@code null}
	 */
	record StaleVersion(Timestamp updatedAt, @Nullable Timestamp indexRequestedAt) {

	}

}
