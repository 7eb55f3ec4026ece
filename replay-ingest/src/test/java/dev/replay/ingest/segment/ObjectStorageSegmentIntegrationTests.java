package dev.replay.ingest.segment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.ingest.ObjectStoreDatabaseConfiguration;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.storage.Loaded;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.RowParts;
import dev.replay.ingest.storage.StorageUnavailableException;
import dev.replay.ingest.storage.StoredPart;
import dev.replay.ingest.storage.StoredParts;
import dev.replay.ingest.testsupport.TestObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Segments with {@code replay.storage.kind=s3}, against S3Proxy: a group commit becomes
 * one object that the rows point into, an unreachable store leaves nothing behind,
 * compaction rewrites a session into one object of its own, and keyframes and images left
 * in PostgreSQL rows are moved into objects.
 */
@SpringBootTest(properties = { "replay.timeline.enabled=false", "replay.storage.sweep-interval=300ms",
		"replay.storage.orphan-grace=2s", "replay.storage.compact-after=1h" })
@Import(ObjectStoreDatabaseConfiguration.class)
class ObjectStorageSegmentIntegrationTests {

	static final String BUCKET = "replay-segments-" + UUID.randomUUID();

	@Autowired
	SegmentStore store;

	@Autowired
	SessionCompaction compaction;

	@Autowired
	RecordingStorage storage;

	@Autowired
	List<RowParts> rowParts;

	@Autowired
	ApplicationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	UUID applicationId;

	@DynamicPropertySource
	static void objectStore(DynamicPropertyRegistry registry) {
		TestObjectStore.get().register(registry, BUCKET);
	}

	@BeforeEach
	void createApplication() {
		this.applicationId = this.registry.createApplication("object storage " + UUID.randomUUID(), null)
			.application()
			.id();
	}

	@Test
	void aGroupCommitIsOneObjectThatItsRowsPointInto() {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		this.store.storeAll(List.of(SegmentWrite.of(List.of(segment(first, 0, "one"), segment(first, 1, "two"))),
				SegmentWrite.of(List.of(segment(second, 0, "three")))));
		assertThat(this.jdbc.sql(
				"select count(distinct s.object_id) from segment s join replay_session r on r.number = s.session_number where r.id in (?, ?)")
			.params(first, second)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select count(*) from segment s join replay_session r on r.number = s.session_number where r.id in (?, ?) and s.body is not null")
			.params(first, second)
			.query(Long.class)
			.single()).isZero();
		assertThat(keys()).containsAll(objectKeys(first)).containsAll(objectKeys(second));
		assertThat(objectKeys(first)).isEqualTo(objectKeys(second));
		assertThat(bodies(first)).containsExactly("one", "two");
		assertThat(bodies(second)).containsExactly("three");
	}

	@Test
	void anUnreachableStoreFailsTheBatchBeforeAnyRowIsWritten() {
		String sessionId = UUID.randomUUID().toString();
		TestObjectStore.get().stop();
		try {
			assertThatExceptionOfType(StorageUnavailableException.class)
				.isThrownBy(() -> this.store.storeAll(List.of(SegmentWrite.of(List.of(segment(sessionId, 0, "x"))))));
		}
		finally {
			TestObjectStore.get().start();
		}
		assertThat(this.jdbc.sql("select count(*) from replay_session where id = ?")
			.param(sessionId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void compactionRewritesAQuietSessionIntoOneObjectOfItsOwn() {
		String sessionId = UUID.randomUUID().toString();
		String neighbour = UUID.randomUUID().toString();
		this.store.storeAll(List.of(SegmentWrite.of(List.of(segment(sessionId, 0, "a"), segment(neighbour, 0, "n")))));
		this.store.storeAll(List.of(SegmentWrite.of(List.of(segment(sessionId, 1, "b")))));
		// and one segment still in its row, as an installation that stored its bytes in
		// PostgreSQL before left it
		this.jdbc
			.sql("""
					insert into segment (session_number, dedup_hash, sequence, format, encoding, first_event_at, last_event_at,
					    body)
					select number, 2, 2, 'rrweb', 'gzip', to_timestamp(1700000003), to_timestamp(1700000003),
					    convert_to('c', 'UTF8')
					from replay_session where id = ?""")
			.param(sessionId)
			.update();
		this.jdbc.sql("update replay_session set indexed_version = updated_at where id = ?").param(sessionId).update();
		assertThat(this.compaction.findUncompacted(0, 1000)).contains(sessionId);

		assertThat(this.compaction.compact(sessionId)).isEqualTo(3);

		assertThat(bodies(sessionId)).containsExactly("a", "b", "c");
		assertThat(this.jdbc.sql("""
				select count(distinct o.id) from segment s join replay_session r on r.number = s.session_number
				join stored_object o on o.id = s.object_id
				where r.id = ? and o.kind = 's'""").param(sessionId).query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ? and s.body is not null")
			.param(sessionId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.compaction.findUncompacted(0, 1000)).doesNotContain(sessionId);
		assertThat(bodies(neighbour)).containsExactly("n");
		// nothing changed since: a second pass leaves it alone
		assertThat(this.compaction.compact(sessionId)).isEqualTo(-1);
	}

	@Test
	void theObjectsOfADeletedSessionAreDeletedByTheSweep() throws InterruptedException {
		String sessionId = UUID.randomUUID().toString();
		this.store.storeAll(List.of(SegmentWrite.of(List.of(segment(sessionId, 0, "a")))));
		String batch = objectKeys(sessionId).get(0);
		this.jdbc.sql("update replay_session set indexed_version = updated_at where id = ?").param(sessionId).update();
		this.compaction.compact(sessionId);
		String own = objectKeys(sessionId).get(0);
		assertThat(own).isNotEqualTo(batch);
		awaitDeleted(batch);
		assertThat(keys()).contains(own);

		// as retention and the deletion of a session do
		this.jdbc.sql("delete from replay_session where id = ?").param(sessionId).update();
		awaitDeleted(own);
	}

	@Test
	void keyframesAndImagesThatPostgresHeldAreMovedIntoObjects() throws InterruptedException {
		String sessionId = UUID.randomUUID().toString();
		this.store.storeAll(List.of(SegmentWrite.of(List.of(segment(sessionId, 0, "a")))));
		// as an installation that stored its bytes in PostgreSQL left them
		for (int offset = 0; offset < 3; offset++) {
			this.jdbc
				.sql("""
						insert into keyframe (session_id, offset_ms, event_timestamp, next_event_index, included_at_timestamp,
						                      events, masked_values)
						values (?, ?, now(), 0, 0, convert_to(?, 'UTF8'), '\\x00')""")
				.params(sessionId, offset * 1000, "keyframe " + offset)
				.update();
		}
		this.jdbc.sql("""
				insert into replay_resource (application_id, id, content_type, size, body)
				values (?, 'image-1', 'image/png', 5, convert_to('image', 'UTF8'))""")
			.param(this.applicationId)
			.update();
		Map<String, RowParts> parts = this.rowParts.stream()
			.collect(Collectors.toMap(RowParts::kind, Function.identity()));
		assertThat(parts.get("keyframes").remaining().parts()).isGreaterThanOrEqualTo(3);

		moveAll(parts.get("keyframes"));
		moveAll(parts.get("images"));

		assertThat(parts.get("keyframes").remaining()).isEqualTo(new RowParts.Remaining(0, 0));
		assertThat(parts.get("images").remaining()).isEqualTo(new RowParts.Remaining(0, 0));
		List<StoredPart> keyframes = this.jdbc.sql("""
				select k.events, o.key, k.object_offset, k.object_length, k.checksum
				from keyframe k left join stored_object o on o.id = k.object_id
				where k.session_id = ? order by k.offset_ms""")
			.param(sessionId)
			.query((rs, row) -> StoredParts.of(rs, "events", "key", "object_offset", "object_length", "checksum"))
			.list();
		assertThat(keyframes).noneMatch(StoredPart::isInRow);
		assertThat(keyframes.stream().map((part) -> new String(this.storage.read(part), StandardCharsets.UTF_8)))
			.containsExactly("keyframe 0", "keyframe 1", "keyframe 2");
		StoredPart image = this.jdbc.sql("""
				select r.body, o.key, 0 as object_offset, r.size, r.checksum
				from replay_resource r left join stored_object o on o.id = r.object_id
				where r.application_id = ? and r.id = 'image-1'""")
			.param(this.applicationId)
			.query((rs, row) -> StoredParts.of(rs, "body", "key", "object_offset", "size", "checksum"))
			.single();
		assertThat(image.isInRow()).isFalse();
		assertThat(new String(this.storage.read(image), StandardCharsets.UTF_8)).isEqualTo("image");
	}

	private List<String> objectKeys(String sessionId) {
		return this.jdbc.sql(
				"select distinct o.key from segment s join replay_session r on r.number = s.session_number join stored_object o on o.id = s.object_id where r.id = ?")
			.param(sessionId)
			.query(String.class)
			.list();
	}

	private List<String> keys() {
		return TestObjectStore.get().objects(BUCKET).stream().map((object) -> object.key()).toList();
	}

	// the sweep runs every 300 ms and deletes what is unreferenced for 2 s (a minute at
	// most
	// on a busy machine)
	// the sweep moves rows too: a row it holds locked is skipped here until it is done
	private void moveAll(RowParts parts) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (parts.move(10) > 0 || parts.remaining().parts() > 0) {
			assertThat(System.nanoTime()).as("%s are still in rows", parts.kind()).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private void awaitDeleted(String key) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (keys().contains(key)) {
			assertThat(System.nanoTime()).as("%s is still in the bucket", key).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private List<String> bodies(String sessionId) {
		List<StoredPart> parts = this.jdbc.sql("""
				select s.body, o.key, s.object_offset, s.object_length, s.checksum
				from segment s join replay_session r on r.number = s.session_number
				left join stored_object o on o.id = s.object_id
				where r.id = ? order by s.sequence""")
			.param(sessionId)
			.query((rs, row) -> StoredParts.of(rs, "body", "key", "object_offset", "object_length", "checksum"))
			.list();
		List<String> bodies = new ArrayList<>();
		Iterator<Loaded<StoredPart>> read = this.storage.read(parts.iterator(), (part) -> part);
		read.forEachRemaining((loaded) -> bodies.add(new String(loaded.bytes())));
		return bodies;
	}

	private NewSegment segment(String sessionId, int sequence, String body) {
		long at = 1_700_000_000_000L + sequence * 1000L;
		return new NewSegment(sessionId, this.applicationId, "browser", "seq:" + sequence, sequence, null, "rrweb",
				ContentEncoding.GZIP, new SegmentSummary(at, at, 1, sequence == 0), RecordingContext.EMPTY,
				body.length(), body.getBytes());
	}

}
