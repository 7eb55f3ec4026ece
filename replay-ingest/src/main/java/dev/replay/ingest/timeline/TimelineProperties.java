package dev.replay.ingest.timeline;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the timeline indexer.
 *
 * @param enabled whether this instance indexes sessions in the background
 * @param delay the pause between two passes over the sessions to index
 * @param quietPeriod how long a session must have received no segment before it is
 * indexed
 * @param batchSize the most sessions indexed in one pass
 * @param keyframeInterval the spacing of keyframes in session time
 * @param keyframeMaxChanges the number of page changes after which a keyframe is written
 * sooner
 * @param yieldAbove the intake rate, in segments committed per second, above which
 * indexing pauses and leaves the cores to the intake; {@code 0} never pauses
 */
@ConfigurationProperties("replay.timeline")
@Validated
record TimelineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration delay,
		@DefaultValue("5s") Duration quietPeriod, @DefaultValue("20") @Positive int batchSize,
		@DefaultValue("30s") Duration keyframeInterval, @DefaultValue("5000") @Positive int keyframeMaxChanges,
		@DefaultValue("300") @PositiveOrZero long yieldAbove) {

}
