package dev.replay.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.replay.api.audit.AuditLog;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records failed sign-ins (password or API token, including attempts refused by the
 * throttle) in the audit trail, aggregated: per actor, method, target and client address
 * and per minute, the first failure is written at once and the others of that minute as
 * one summary row with their count, when the minute is over. The audit trail is
 * append-only, so the count cannot be added to the first row (ADR 0014). A flood of
 * failures thus writes at most two rows per name, address and minute; past
 * {@value #MAX_TALLIES} of those at once, further names are counted together.
 */
@Component
class SignInAuditor {

	static final String ACTION = "sign-in.failed";

	/** The actor under which failures are counted once too many names are being. */
	static final String OTHERS = "(other names)";

	static final int MAX_TALLIES = 10_000;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<Key, Tally> tallies = new HashMap<>();

	@Autowired
	SignInAuditor(AuditLog audit) {
		this(audit, Clock.systemUTC());
	}

	SignInAuditor(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Record a failed sign-in.
	 * @param actor the user name tried (cut to {@link AuditLog#MAX_ACTOR_LENGTH}), or
	 * {@link AuditLog#ANONYMOUS}
	 * @param targetType {@code user} or {@code api-token}
	 * @param targetId the user name tried, or {@code null}
	 * @param method {@code password} or {@code token}
	 * @param reason why it failed
	 * @param address the client address, or {@code null}
	 */
	void failed(String actor, String targetType, @Nullable String targetId, String method, String reason,
			@Nullable String address) {
		Instant now = this.clock.instant();
		long minute = now.getEpochSecond() / 60;
		Key key = new Key(AuditLog.truncate(actor), targetType, (targetId != null) ? AuditLog.truncate(targetId) : null,
				method, address);
		Summary previous = null;
		boolean first;
		synchronized (this) {
			Tally tally = this.tallies.get(key);
			if (tally != null && tally.minute != minute) {
				this.tallies.remove(key);
				previous = tally.summary(key);
				tally = null;
			}
			if (tally == null && this.tallies.size() >= MAX_TALLIES) {
				key = new Key(OTHERS, targetType, null, method, null);
				tally = this.tallies.get(key);
				if (tally != null && tally.minute != minute) {
					this.tallies.remove(key);
					previous = tally.summary(key);
					tally = null;
				}
			}
			first = tally == null;
			if (first) {
				this.tallies.put(key, new Tally(minute));
			}
			else {
				tally.add(reason, now);
			}
		}
		if (previous != null) {
			write(previous);
		}
		if (first) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("method", method);
			details.put("reason", reason);
			details.put("count", 1);
			this.audit.recordAs(key.actor(), ACTION, key.targetType(), key.targetId(), details, key.address());
		}
	}

	/**
	 * Write the summaries of the minutes that are over.
	 */
	@Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
	void flush() {
		flush(this.clock.instant().getEpochSecond() / 60);
	}

	/**
	 * Write every summary, the current minute's too.
	 */
	@PreDestroy
	void flushAll() {
		flush(Long.MAX_VALUE);
	}

	private void flush(long beforeMinute) {
		List<Summary> summaries = new ArrayList<>();
		synchronized (this) {
			Iterator<Map.Entry<Key, Tally>> entries = this.tallies.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<Key, Tally> entry = entries.next();
				if (entry.getValue().minute < beforeMinute) {
					entries.remove();
					Summary summary = entry.getValue().summary(entry.getKey());
					if (summary != null) {
						summaries.add(summary);
					}
				}
			}
		}
		summaries.forEach(this::write);
	}

	private void write(Summary summary) {
		Key key = summary.key();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", key.method());
		details.put("count", summary.count());
		details.put("reasons", summary.reasons());
		details.put("from", summary.from().toString());
		details.put("to", summary.to().toString());
		this.audit.recordAs(key.actor(), ACTION, key.targetType(), key.targetId(), details, key.address());
	}

	private record Key(String actor, String targetType, @Nullable String targetId, String method,
			@Nullable String address) {

	}

	private record Summary(Key key, long count, Map<String, Long> reasons, Instant from, Instant to) {

	}

	/**
	 * The failures of one key in one minute after the first, which was written at once.
	 */
	private static final class Tally {

		private final long minute;

		private final Map<String, Long> reasons = new TreeMap<>();

		private long count;

		private @Nullable Instant from;

		private @Nullable Instant to;

		Tally(long minute) {
			this.minute = minute;
		}

		void add(String reason, Instant at) {
			this.count++;
			this.reasons.merge(reason, 1L, Long::sum);
			if (this.from == null) {
				this.from = at;
			}
			this.to = at;
		}

		@Nullable Summary summary(Key key) {
			if (this.count == 0 || this.from == null || this.to == null) {
				return null;
			}
			return new Summary(key, this.count, new TreeMap<>(this.reasons), this.from, this.to);
		}

	}

}
