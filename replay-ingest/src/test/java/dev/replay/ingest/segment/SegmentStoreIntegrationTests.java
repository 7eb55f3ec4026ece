package dev.replay.ingest.segment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.segment.WriteResult.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch writes of {@link SegmentStore} against PostgreSQL: what one call stores, and
 * what it recognises as a repeat within the same call.
 */
@SpringBootTest(properties = "replay.timeline.enabled=false")
@Import(TestcontainersConfiguration.class)
class SegmentStoreIntegrationTests {

	@Autowired
	SegmentStore store;

	@Autowired
	ApplicationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	UUID applicationId;

	String sessionId;

	@BeforeEach
	void createApplication() {
		this.applicationId = this.registry.createApplication("segment store " + UUID.randomUUID(), null)
			.application()
			.id();
		this.sessionId = UUID.randomUUID().toString();
	}

	@Test
	void storesEachColumnOfEverySegmentOfTheBatch() {
		NewSegment first = segment("seq:0", 0, 1_700_000_000_123L, 1_700_000_004_567L, new byte[] { 1, 2, 3 });
		NewSegment second = segment("seq:1", null, 1_700_000_005_001L, 1_700_000_009_999L, new byte[] { 0, -1 });
		List<WriteResult> results = this.store.storeAll(List.of(SegmentWrite.of(List.of(first)),
				new SegmentWrite(this.applicationId, "request-1", List.of(second))));
		assertThat(results).extracting(WriteResult::status).containsExactly(Status.WRITTEN, Status.WRITTEN);
		assertThat(results).extracting(WriteResult::stored).containsExactly(1, 1);
		List<StoredSegment> stored = this.jdbc.sql("""
				select dedup_key, sequence, view_id, first_event_at, last_event_at, event_count, has_full_snapshot,
				    received_bytes, body
				from segment where session_id = ? order by dedup_key""")
			.param(this.sessionId)
			.query((rs, row) -> new StoredSegment(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getBoolean(7),
					rs.getInt(8), rs.getBytes(9)))
			.list();
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0).dedupKey()).isEqualTo("seq:0");
		assertThat(stored.get(0).sequence()).isZero();
		assertThat(stored.get(0).firstEventAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
		assertThat(stored.get(0).lastEventAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_004_567L));
		assertThat(stored.get(0).body()).containsExactly(1, 2, 3);
		assertThat(stored.get(1).sequence()).isNull();
		assertThat(stored.get(1).viewId()).isEqualTo("view-seq:1");
		assertThat(stored.get(1).firstEventAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_005_001L));
		assertThat(stored.get(1).eventCount()).isEqualTo(7);
		assertThat(stored.get(1).fullSnapshot()).isTrue();
		assertThat(stored.get(1).receivedBytes()).isEqualTo(42);
		assertThat(stored.get(1).body()).containsExactly(0, -1);
		Timestamp ended = this.jdbc.sql("select ended_at from replay_session where id = ?")
			.param(this.sessionId)
			.query(Timestamp.class)
			.single();
		assertThat(ended.toInstant()).isEqualTo(Instant.ofEpochMilli(1_700_000_009_999L));
	}

	@Test
	void storesASegmentAndARequestIdRepeatedWithinOneBatchOnce() {
		// each delivery is read into its own objects
		List<WriteResult> results = this.store
			.storeAll(List.of(SegmentWrite.of(List.of(repeated())), SegmentWrite.of(List.of(repeated())),
					new SegmentWrite(this.applicationId, "request-2", List.of(other())),
					new SegmentWrite(this.applicationId, "request-2", List.of(other()))));
		assertThat(results).extracting(WriteResult::status)
			.containsExactly(Status.WRITTEN, Status.WRITTEN, Status.WRITTEN, Status.REQUEST_SEEN);
		assertThat(results).extracting(WriteResult::stored).containsExactly(1, 0, 1, 0);
		assertThat(results).extracting(WriteResult::duplicates).containsExactly(0, 1, 0, 1);
		assertThat(this.jdbc.sql("select count(*) from segment where session_id = ?")
			.param(this.sessionId)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select segment_count from replay_session where id = ?")
			.param(this.sessionId)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private NewSegment repeated() {
		return segment("seq:0", 0, 1_700_000_000_000L, 1_700_000_001_000L, new byte[] { 9 });
	}

	private NewSegment other() {
		return segment("seq:1", 1, 1_700_000_002_000L, 1_700_000_003_000L, new byte[] { 8 });
	}

	private NewSegment segment(String dedupKey, Integer sequence, long first, long last, byte[] body) {
		boolean nativeBatch = sequence != null;
		return new NewSegment(this.sessionId, this.applicationId, "browser", dedupKey, sequence,
				nativeBatch ? null : "view-" + dedupKey, nativeBatch ? "rrweb" : "datadog-browser",
				nativeBatch ? ContentEncoding.GZIP : ContentEncoding.ZLIB,
				new SegmentSummary(first, last, nativeBatch ? 3 : 7, !nativeBatch), RecordingContext.EMPTY,
				nativeBatch ? body.length : 42, body);
	}

	private record StoredSegment(String dedupKey, Integer sequence, String viewId, Instant firstEventAt,
			Instant lastEventAt, int eventCount, boolean fullSnapshot, int receivedBytes, byte[] body) {

	}

}
