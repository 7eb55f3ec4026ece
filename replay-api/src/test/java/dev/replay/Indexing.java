package dev.replay;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the background indexer, for tests that need a session's keyframes.
 */
public final class Indexing {

	private Indexing() {
	}

	/**
	 * Wait until the indexer has caught up with every segment of a session.
	 * @param jdbc the test database
	 * @param sessionId the session
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if it takes more than a minute
	 */
	public static void awaitIndexed(JdbcClient jdbc, String sessionId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Boolean indexed = jdbc
				.sql("select indexed_version is not distinct from updated_at from replay_session where id = ?")
				.param(sessionId)
				.query(Boolean.class)
				.single();
			if (Boolean.TRUE.equals(indexed)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Session " + sessionId + " was not indexed in time");
	}

}
