package dev.replay.ingest.segment;

import java.time.Duration;

import dev.replay.ingest.storage.StorageKind;
import dev.replay.ingest.storage.StorageProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * The group commit's collaborators as its unit tests make them, without Spring.
 */
final class GroupCommitParts {

	private GroupCommitParts() {
	}

	/**
	 * Limits with one writer.
	 * @param queueCapacity the most writes queued
	 * @param batchMaxSegments the most segments of a batch
	 * @return the limits
	 */
	static GroupCommitProperties properties(int queueCapacity, int batchMaxSegments) {
		return new GroupCommitProperties(batchMaxSegments, Duration.ofMillis(2), 1, queueCapacity,
				DataSize.ofMegabytes(128), Duration.ofSeconds(10), Duration.ofSeconds(3));
	}

	/**
	 * The default storage settings: bytes in PostgreSQL rows.
	 * @return the settings
	 */
	static StorageProperties rowStorage() {
		return new StorageProperties(
				StorageKind.POSTGRES, new StorageProperties.S3(null, "us-east-1", null, null, null, true,
						Duration.ofSeconds(5), 8, Duration.ofMillis(50)),
				Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(10));
	}

	/**
	 * Meters that record into a registry.
	 * @param registry the registry
	 * @return the meters
	 */
	static IntakeMetrics metrics(MeterRegistry registry) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("meterRegistry", registry);
		return new IntakeMetrics(beans.getBeanProvider(MeterRegistry.class));
	}

}
