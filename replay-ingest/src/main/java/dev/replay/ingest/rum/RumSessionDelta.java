package dev.replay.ingest.rum;

import java.util.UUID;

import dev.replay.core.rum.RumEvent;
import dev.replay.core.rum.RumEvent.Context;
import org.jspecify.annotations.Nullable;

/**
 * What one batch adds to a session's RUM summary: the time range, URLs and user facts of
 * all its events, and the counts of the events that were new.
 */
final class RumSessionDelta {

	private final UUID applicationId;

	private long firstMs = Long.MAX_VALUE;

	private long lastMs = Long.MIN_VALUE;

	private @Nullable String firstUrl;

	private @Nullable String lastUrl;

	private long firstUrlMs = Long.MAX_VALUE;

	private long lastUrlMs = Long.MIN_VALUE;

	private Context context = Context.NONE;

	private long contextMs = Long.MIN_VALUE;

	private int viewCount;

	private int errorCount;

	private int actionCount;

	private int frustrationCount;

	private int rageClickCount;

	private int deadClickCount;

	private int errorClickCount;

	RumSessionDelta(UUID applicationId) {
		this.applicationId = applicationId;
	}

	/**
	 * Take in an event of the batch, new or stored before.
	 * @param event the event
	 */
	void seen(RumEvent event) {
		String url = event.view().url();
		if (url != null && event.timeMs() < this.firstUrlMs) {
			this.firstUrl = url;
			this.firstUrlMs = event.timeMs();
		}
		if (url != null && event.timeMs() >= this.lastUrlMs) {
			this.lastUrl = url;
			this.lastUrlMs = event.timeMs();
		}
		this.firstMs = Math.min(this.firstMs, event.timeMs());
		this.lastMs = Math.max(this.lastMs, event.timeMs());
		// the latest event's values win where it has them
		if (event.timeMs() >= this.contextMs) {
			this.context = merge(this.context, event.context());
			this.contextMs = event.timeMs();
		}
		else {
			this.context = merge(event.context(), this.context);
		}
	}

	/**
	 * Count a view that was new, or newer than the one stored.
	 */
	void viewCounted() {
		this.viewCount++;
	}

	/**
	 * Count an event other than a view that was new.
	 * @param event the event
	 */
	void counted(RumEvent event) {
		if (RumEvent.ERROR.equals(event.type())) {
			this.errorCount++;
		}
		RumEvent.Action action = event.action();
		if (action != null) {
			this.actionCount++;
			if (!action.frustrationTypes().isEmpty()) {
				this.frustrationCount++;
			}
			this.rageClickCount += action.frustrationTypes().contains("rage_click") ? 1 : 0;
			this.deadClickCount += action.frustrationTypes().contains("dead_click") ? 1 : 0;
			this.errorClickCount += action.frustrationTypes().contains("error_click") ? 1 : 0;
		}
	}

	UUID applicationId() {
		return this.applicationId;
	}

	long firstMs() {
		return this.firstMs;
	}

	long lastMs() {
		return this.lastMs;
	}

	@Nullable String firstUrl() {
		return this.firstUrl;
	}

	@Nullable String lastUrl() {
		return this.lastUrl;
	}

	/**
	 * The user, device and place, the latest event's values first.
	 * @return the context
	 */
	Context context() {
		return this.context;
	}

	int viewCount() {
		return this.viewCount;
	}

	int errorCount() {
		return this.errorCount;
	}

	int actionCount() {
		return this.actionCount;
	}

	int frustrationCount() {
		return this.frustrationCount;
	}

	int rageClickCount() {
		return this.rageClickCount;
	}

	int deadClickCount() {
		return this.deadClickCount;
	}

	int errorClickCount() {
		return this.errorClickCount;
	}

	// the later context's values win where it has them
	private static Context merge(Context earlier, Context later) {
		return new Context(or(later.userId(), earlier.userId()), or(later.userName(), earlier.userName()),
				or(later.userEmail(), earlier.userEmail()), or(later.anonymousId(), earlier.anonymousId()),
				or(later.deviceType(), earlier.deviceType()), or(later.deviceName(), earlier.deviceName()),
				or(later.osName(), earlier.osName()), or(later.osVersion(), earlier.osVersion()),
				or(later.browserName(), earlier.browserName()), or(later.browserVersion(), earlier.browserVersion()),
				or(later.country(), earlier.country()));
	}

	private static @Nullable String or(@Nullable String preferred, @Nullable String fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
