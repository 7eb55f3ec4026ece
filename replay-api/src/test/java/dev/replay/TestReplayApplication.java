package dev.replay;

import org.springframework.boot.SpringApplication;

/**
 * Runs the whole application on a throwaway PostgreSQL database, for development.
 */
public final class TestReplayApplication {

	private TestReplayApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(ReplayApplication::main).with(TestcontainersConfiguration.class).run(args);
	}

}
