package dev.replay.ingest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the intake outside JUnit, on the test database, for programs such as the fuzzer.
 */
public final class IngestTestServer {

	private IngestTestServer() {
	}

	/**
	 * Start the intake on a free port.
	 * @param properties extra {@code name=value} properties
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(IngestTestApplication.class, TestcontainersConfiguration.class)
			.properties("server.port=0")
			.properties(properties)
			.run();
	}

}
