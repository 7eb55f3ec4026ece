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
				select s.dedup_hash, s.sequence, s.first_event_at, s.last_event_at, s.format, s.encoding, s.body
				from segment s join replay_session r on r.number = s.session_number
				where r.id = ? order by s.first_event_at""")
			.param(this.sessionId)
			.query((rs, row) -> new StoredSegment(rs.getLong(1), (Integer) rs.getObject(2),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
					rs.getBytes(7)))
			.list();
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0).dedupHash()).isEqualTo(DedupHash.of("seq:0"));
		assertThat(stored.get(0).sequence()).isZero();
		assertThat(stored.get(0).firstEventAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
		assertThat(stored.get(0).lastEventAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_004_567L));
		assertThat(stored.get(0).format()).isEqualTo("rrweb");
		assertThat(stored.get(0).encoding()).isEqualTo("gzip");
		assertThat(stored.get(0).body()).containsExactly(1, 2, 3);
		assertThat(stored.get(1).dedupHash()).isEqualTo(DedupHash.of("seq:1"));
		assertThat(stored.get(1).sequence()).isNull();
		assertThat(stored.get(1).format()).isEqualTo("datadog-browser");
		assertThat(stored.get(1).encoding()).isEqualTo("zlib");
		assertThat(stored.get(1).firstEventAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_005_001L));
		assertThat(stored.get(1).body()).containsExactly(0, -1);
		// what the segments add up to is kept with their session and its views
		assertThat(this.jdbc
			.sql("""
					select event_count || ' ' || has_full_snapshot || ' ' || stored_bytes from replay_session where id = ?""")
			.param(this.sessionId)
			.query(String.class)
			.single()).isEqualTo("10 true 5");
		assertThat(this.jdbc.sql("select id from session_view where session_id = ? order by id")
			.param(this.sessionId)
			.query(String.class)
			.list()).contains("view-seq:1");
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
		assertThat(this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
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

	private record StoredSegment(long dedupHash, Integer sequence, Instant firstEventAt, Instant lastEventAt,
			String format, String encoding, byte[] body) {

	}

}
