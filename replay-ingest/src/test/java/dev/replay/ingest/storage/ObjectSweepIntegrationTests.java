package dev.replay.ingest.storage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.replay.ingest.ObjectStoreDatabaseConfiguration;
import dev.replay.ingest.testsupport.TestObjectStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep against S3Proxy: objects that no row points to, and objects that were
 * uploaded but never registered, are deleted once older than the grace period; objects in
 * use and younger ones stay.
 */
@SpringBootTest(properties = { "replay.timeline.enabled=false", "replay.storage.sweep-interval=1h" })
@Import(ObjectStoreDatabaseConfiguration.class)
class ObjectSweepIntegrationTests {

	static final String BUCKET = "replay-sweep-" + UUID.randomUUID();

	@Autowired
	ObjectSweep sweep;

	@Autowired
	RecordingStorage storage;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void objectStore(DynamicPropertyRegistry registry) {
		TestObjectStore.get().register(registry, BUCKET);
	}

	@Test
	void deletesRegisteredObjectsThatNoRowPointsTo() {
		List<StoredPart> parts = this.storage.store(ObjectKind.BATCH, List.of("unused".getBytes()));
		String key = parts.get(0).objectKey();
		this.jdbc.sql("insert into stored_object (key, kind, size) values (?, 'b', 6)").param(key).update();

		assertThat(this.sweep.deleteUnreferenced(objectStore(), Duration.ofHours(1))).isZero();
		assertThat(keys()).contains(key);

		assertThat(this.sweep.deleteUnreferenced(objectStore(), Duration.ZERO)).isGreaterThanOrEqualTo(1);
		assertThat(keys()).doesNotContain(key);
		assertThat(
				this.jdbc.sql("select count(*) from stored_object where key = ?").param(key).query(Long.class).single())
			.isZero();
	}

	@Test
	void deletesUploadsThatWereNeverRegisteredOnceOlderThanTheGracePeriod() throws InterruptedException {
		String orphan = ObjectStorage.newKey(ObjectKind.BATCH);
		String registered = ObjectStorage.newKey(ObjectKind.SESSION);
		try (S3Client client = TestObjectStore.get().client()) {
			client.putObject((put) -> put.bucket(BUCKET).key(orphan), RequestBody.fromString("orphan"));
			client.putObject((put) -> put.bucket(BUCKET).key(registered), RequestBody.fromString("kept"));
		}
		this.jdbc.sql("insert into stored_object (key, kind, size) values (?, 's', 4)").param(registered).update();

		assertThat(this.sweep.deleteOrphans(objectStore(), Duration.ofHours(1))).isZero();
		assertThat(keys()).contains(orphan, registered);

		Thread.sleep(1100);
		assertThat(this.sweep.deleteOrphans(objectStore(), Duration.ofSeconds(1))).isGreaterThanOrEqualTo(1);
		assertThat(keys()).doesNotContain(orphan).contains(registered);
	}

	private ObjectStore objectStore() {
		return ((ObjectStorage) this.storage).objectStore();
	}

	private List<String> keys() {
		return TestObjectStore.get().objects(BUCKET).stream().map(S3Object::key).toList();
	}

}
