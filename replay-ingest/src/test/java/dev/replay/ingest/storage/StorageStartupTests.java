package dev.replay.ingest.storage;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import dev.replay.ingest.IngestTestServer;
import dev.replay.ingest.testsupport.TestObjectStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up with {@code replay.storage.kind=s3}: a missing or wrong setting stops it with
 * a message that names the setting, and a bucket that does not exist is created; without
 * it, a database whose rows point into objects stops the start-up.
 */
class StorageStartupTests {

	@Test
	void aMissingBucketStopsTheStartUpNamingTheSetting() {
		assertThatThrownBy(() -> IngestTestServer.start("replay.storage.kind=s3",
				"replay.storage.s3.endpoint=" + TestObjectStore.get().endpoint()))
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
			.rootCause()
			.hasMessageContaining("replay.storage.s3.bucket");
	}

	@Test
	void anUnreachableStoreStopsTheStartUpSayingWhere() {
		assertThatThrownBy(() -> IngestTestServer.start("replay.storage.kind=s3",
				"replay.storage.s3.endpoint=http://127.0.0.1:9", "replay.storage.s3.bucket=replay",
				"replay.storage.s3.access-key=a", "replay.storage.s3.secret-key=b", "replay.storage.s3.timeout=1s"))
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("http://127.0.0.1:9");
	}

	@Test
	void aKeyWithoutItsSecretStopsTheStartUp() {
		assertThatThrownBy(() -> IngestTestServer.start("replay.storage.kind=s3", "replay.storage.s3.bucket=replay",
				"replay.storage.s3.access-key=a"))
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("replay.storage.s3.secret-key");
	}

	@Test
	void aDatabaseWhoseRowsPointIntoObjectsRefusesAnInstanceWithoutTheObjectStore() {
		// the shared database of this run holds no objects: the instances that do use
		// their own
		try (ConfigurableApplicationContext context = IngestTestServer.start("replay.timeline.enabled=false")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("insert into stored_object (key, kind, size) values ('refused/1', 'b', 1)").update();
			try {
				assertThatThrownBy(() -> IngestTestServer.start("replay.timeline.enabled=false").close()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("replay.storage.kind=s3");
			}
			finally {
				jdbc.sql("delete from stored_object where key = 'refused/1'").update();
			}
		}
	}

	@Test
	void createsTheBucketWhenItIsAbsent() {
		String bucket = "replay-new-" + UUID.randomUUID();
		// without indexing: sessions of other tests in this database are not for this
		// instance's storage
		String[] properties = Stream
			.concat(Arrays.stream(TestObjectStore.get().properties(bucket)), Stream.of("replay.timeline.enabled=false"))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = IngestTestServer.start(properties)) {
			assertThat(context.getBean(RecordingStorage.class).kind()).isEqualTo(StorageKind.S3);
			assertThat(TestObjectStore.get().objects(bucket)).isEmpty();
		}
	}

}
