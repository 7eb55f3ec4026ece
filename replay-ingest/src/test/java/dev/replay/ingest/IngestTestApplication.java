package dev.replay.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The configuration that ingest's own tests start; ingest has no application of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
class IngestTestApplication {

}
