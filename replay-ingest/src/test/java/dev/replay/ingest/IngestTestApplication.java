package dev.replay.ingest;

import dev.replay.ingest.resource.ResourceLinks;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The configuration that ingest's own tests start; ingest has no application of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
class IngestTestApplication {

	// the application names where images are served; these tests only need a link
	@Bean
	ResourceLinks resourceLinks() {
		return (sessionId, resourceId) -> "/sessions/" + sessionId + "/resources/" + resourceId;
	}

}
