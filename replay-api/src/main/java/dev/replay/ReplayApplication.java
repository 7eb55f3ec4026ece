package dev.replay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Replay: self-hosted session replay for rrweb and Datadog SDK recordings.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReplayApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReplayApplication.class, args);
	}

}
