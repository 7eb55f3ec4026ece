package dev.replay.ingest.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the intake.
 *
 * @param maxBodySize the largest request body accepted, as sent (compressed)
 * @param maxInflatedSize the largest a body may become once inflated
 */
@ConfigurationProperties("replay.ingest")
record IngestProperties(@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("64MB") DataSize maxInflatedSize) {

}
