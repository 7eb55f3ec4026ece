package dev.replay.ingest.rum;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.replay.core.rum.RumEvent;
import org.jspecify.annotations.Nullable;

/**
 * One RUM event of a session as the developer tools show it.
 *
 * @param id the stored event's id
 * @param type {@code view}, {@code action}, {@code error}, {@code resource},
 * {@code long_task}, {@code console}, ...
 * @param origin {@code datadog} (sent by a Datadog SDK) or {@code recorder} (recorded by
 * our recorder script in the rrweb stream)
 * @param timestamp when it happened, epoch milliseconds
 * @param offsetMs when it happened, in milliseconds from the session's start (the
 * player's time)
 * @param view the view it happened in
 * @param error the error or console message
 * @param action the user action
 * @param resource the loaded resource
 * @param durationMs how long a resource, long task or action took
 * @param timings a view's loading time and Core Web Vitals
 * @param raw the event as JSON
 */
public record RumItem(long id, String type, String origin, long timestamp, long offsetMs, RumEvent.View view,
		RumEvent.@Nullable ErrorDetail error, @Nullable ActionItem action, RumEvent.@Nullable Resource resource,
		@Nullable Double durationMs, RumEvent.@Nullable Timings timings, @JsonRawValue String raw) {

	/**
	 * A user action.
	 *
	 * @param type {@code click}, {@code tap}, {@code custom}, ...
	 * @param name the target's name
	 * @param frustrationTypes {@code rage_click}, {@code dead_click}, {@code error_click}
	 */
	public record ActionItem(@Nullable String type, @Nullable String name, List<String> frustrationTypes) {

	}

}
