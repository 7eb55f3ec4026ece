package dev.replay.ingest.intake;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the intake: what a request may hold and whom it is believed. The group
 * commit's limits share the prefix ({@code GroupCommitProperties}).
 *
 * @param maxBodySize the largest request body accepted, as sent (compressed)
 * @param maxInflatedSize the largest a body may become once inflated
 * @param tokenCacheTtl how long a client token's permission to write to an application is
 * remembered (a revocation takes up to this long to apply); zero checks every request
 * @param maxEventAge how far before its receipt a recording's or RUM event's timestamp
 * may lie; an older segment is refused, an older RUM event skipped
 * @param maxEventLead how far after its receipt a timestamp may lie (clients' clocks run
 * fast); a later segment is refused, a later RUM event skipped
 * @param decodingConcurrency how many requests may inflate and check their bodies at
 * once; {@code 0}, the default, allows as many as there are processors
 */
@ConfigurationProperties("replay.ingest")
@Validated
record IngestProperties(@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("64MB") DataSize maxInflatedSize,
		@DefaultValue("5s") Duration tokenCacheTtl, @DefaultValue("7d") Duration maxEventAge,
		@DefaultValue("1h") Duration maxEventLead, @DefaultValue("0") @PositiveOrZero int decodingConcurrency) {

}
