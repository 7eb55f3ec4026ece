package dev.replay.ingest.segment;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Remembers that the database was found unreachable, so that the intake answers 503 at
 * once for a little while instead of making every request wait for a connection, and
 * tries again by itself afterwards.
 */
@Component
public class IntakeAvailability {

	private static final Logger LOG = LoggerFactory.getLogger(IntakeAvailability.class);

	private final Duration retryAfter;

	private volatile long unavailableUntil;

	private volatile boolean down;

	IntakeAvailability(GroupCommitProperties properties) {
		this.retryAfter = properties.retryAfter();
	}

	/**
	 * Refuse a request while the database is known to be unreachable.
	 * @throws IntakeUnavailableException if it is
	 */
	public void requireAvailable() {
		if (this.down && System.nanoTime() - this.unavailableUntil < 0) {
			throw unavailable("The database is unreachable; retry later.", null);
		}
	}

	/**
	 * Turn a failure into a 503 if it means that the database is unreachable.
	 * @param failure the failure
	 * @return the 503 to throw, or {@code null} if the failure is something else
	 */
	public @Nullable IntakeUnavailableException translate(Throwable failure) {
		if (!isUnreachable(failure)) {
			return null;
		}
		markUnreachable(failure);
		return unavailable("The database is unreachable; retry later.", failure);
	}

	void markUnreachable(Throwable failure) {
		if (!this.down) {
			LOG.warn("The database is unreachable; answering 503 for {}: {}", this.retryAfter, failure.toString());
		}
		this.unavailableUntil = System.nanoTime() + this.retryAfter.toNanos();
		this.down = true;
	}

	void markReachable() {
		if (this.down) {
			LOG.info("The database is reachable again.");
			this.down = false;
		}
	}

	IntakeUnavailableException unavailable(String detail, @Nullable Throwable cause) {
		return new IntakeUnavailableException(detail, this.retryAfter, cause);
	}

	static boolean isUnreachable(Throwable failure) {
		for (@Nullable
		Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
