package dev.replay.ingest.intake;

import java.time.Clock;
import java.util.List;

import dev.replay.core.segment.Violation;
import dev.replay.ingest.segment.MalformedSegmentException;

import org.springframework.stereotype.Component;

/**
 * The time window around its receipt in which a client's timestamps are believed:
 * {@code replay.ingest.max-event-age} before it and {@code replay.ingest.max-event-lead}
 * after it. Retention counts from the receipt, never from these timestamps (ADR 0015).
 */
@Component
class EventTimeWindow {

	private final Clock clock = Clock.systemUTC();

	private final long maxAgeMillis;

	private final long maxLeadMillis;

	EventTimeWindow(IngestProperties properties) {
		this.maxAgeMillis = properties.maxEventAge().toMillis();
		this.maxLeadMillis = properties.maxEventLead().toMillis();
	}

	/**
	 * Refuse timestamps outside the window around now.
	 * @param path where the timestamps are, for the violation
	 * @param earliest the earliest timestamp, epoch milliseconds
	 * @param latest the latest timestamp, epoch milliseconds
	 * @throws MalformedSegmentException if one lies outside
	 */
	void require(String path, long earliest, long latest) {
		long now = this.clock.millis();
		if (earliest < now - this.maxAgeMillis) {
			throw new MalformedSegmentException("The recording is dated too far in the past.",
					List.of(new Violation(path, "must not be more than " + this.maxAgeMillis
							+ " ms before the time of receipt (replay.ingest.max-event-age)")));
		}
		if (latest > now + this.maxLeadMillis) {
			throw new MalformedSegmentException("The recording is dated in the future.",
					List.of(new Violation(path, "must not be more than " + this.maxLeadMillis
							+ " ms after the time of receipt (replay.ingest.max-event-lead)")));
		}
	}

	/**
	 * Tell whether a timestamp lies inside the window around now.
	 * @param millis epoch milliseconds
	 * @return {@code true} if it does
	 */
	boolean contains(long millis) {
		long now = this.clock.millis();
		return millis >= now - this.maxAgeMillis && millis <= now + this.maxLeadMillis;
	}

}
