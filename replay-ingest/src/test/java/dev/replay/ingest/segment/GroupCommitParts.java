package dev.replay.ingest.segment;

import java.time.Duration;

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
