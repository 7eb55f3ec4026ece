package dev.replay.core.rum;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One RUM event of a session, with the fields that the developer tools, the session
 * summary and search use; everything else stays in {@code raw}.
 *
 * @param sessionId the session
 * @param applicationId the application, as sent (a UUID for Datadog events)
 * @param type {@code view}, {@code action}, {@code error}, {@code resource},
 * {@code long_task}, {@code console}, {@code capture} (what a recorder captures) or
 * another lowercase type
 * @param eventKey the event's own id, so that a repeat is stored once; {@code null} when
 * it has none
 * @param timeMs when it happened, epoch milliseconds
 * @param documentVersion the version of an event the SDK sends again as it changes
 * (views)
 * @param view the view it happened in
 * @param error what went wrong, for errors and console messages
 * @param action what the user did, for actions
 * @param resource what was loaded, for resources
 * @param durationMs how long a resource, long task or action took
 * @param timings the loading figures and Core Web Vitals, for views
 * @param context who, on which device and where
 * @param raw the event as JSON
 */
public record RumEvent(String sessionId, String applicationId, String type, @Nullable String eventKey, long timeMs,
		@Nullable Long documentVersion, View view, @Nullable ErrorDetail error, @Nullable Action action,
		@Nullable Resource resource, @Nullable Double durationMs, @Nullable Timings timings, Context context,
		String raw) {

	/** An error. */
	public static final String ERROR = "error";

	/** A user action. */
	public static final String ACTION = "action";

	/** A view (page or screen). */
	public static final String VIEW = "view";

	/** A console message. */
	public static final String CONSOLE = "console";

	/** A loaded resource or a request. */
	public static final String RESOURCE = "resource";

	/** A task that kept the main thread busy for more than 50 ms. */
	public static final String LONG_TASK = "long_task";

	/**
	 * What our recorder script says it captures in a session: not shown as an event, it
	 * tells the developer tools that none happened from none recorded.
	 */
	public static final String CAPTURE = "capture";

	/**
	 * The view an event belongs to.
	 *
	 * @param id the view id
	 * @param url its URL
	 * @param name its name
	 */
	public record View(@Nullable String id, @Nullable String url, @Nullable String name) {

	}

	/**
	 * An error or console message.
	 *
	 * @param message the message
	 * @param source where it came from ({@code source}, {@code console}, {@code network},
	 * {@code custom}, ...)
	 * @param type the error's class name
	 * @param stack the stack trace
	 * @param level the console level, for console messages
	 */
	public record ErrorDetail(@Nullable String message, @Nullable String source, @Nullable String type,
			@Nullable String stack, @Nullable String level) {

	}

	/**
	 * A user action.
	 *
	 * @param type {@code click}, {@code tap}, {@code custom}, ...
	 * @param name the target's name
	 * @param frustrationTypes {@code rage_click}, {@code dead_click}, {@code error_click}
	 */
	public record Action(@Nullable String type, @Nullable String name, List<String> frustrationTypes) {

	}

	/**
	 * A loaded resource.
	 *
	 * @param url the URL
	 * @param method the HTTP method
	 * @param status the HTTP status
	 * @param type {@code document}, {@code xhr}, {@code fetch}, {@code js}, ...
	 * @param size the size in bytes
	 */
	public record Resource(@Nullable String url, @Nullable String method, @Nullable Integer status,
			@Nullable String type, @Nullable Long size) {

	}

	/**
	 * The timings of a view, in milliseconds from its start.
	 *
	 * @param loadingTimeMs when the page was fully loaded
	 * @param firstContentfulPaintMs first contentful paint
	 * @param largestContentfulPaintMs largest contentful paint
	 * @param cumulativeLayoutShift cumulative layout shift (a score, not a time)
	 * @param interactionToNextPaintMs interaction to next paint
	 * @param firstInputDelayMs first input delay
	 */
	public record Timings(@Nullable Double loadingTimeMs, @Nullable Double firstContentfulPaintMs,
			@Nullable Double largestContentfulPaintMs, @Nullable Double cumulativeLayoutShift,
			@Nullable Double interactionToNextPaintMs, @Nullable Double firstInputDelayMs) {

	}

	/**
	 * Who used the application, on what and where, as far as the event says.
	 *
	 * @param userId the site's user id
	 * @param userName the user's name
	 * @param userEmail the user's email
	 * @param anonymousId the SDK's anonymous id
	 * @param deviceType {@code desktop}, {@code mobile}, ...
	 * @param deviceName the device's name or model
	 * @param osName the operating system
	 * @param osVersion its version
	 * @param browserName the browser
	 * @param browserVersion its version
	 * @param country the country
	 */
	public record Context(@Nullable String userId, @Nullable String userName, @Nullable String userEmail,
			@Nullable String anonymousId, @Nullable String deviceType, @Nullable String deviceName,
			@Nullable String osName, @Nullable String osVersion, @Nullable String browserName,
			@Nullable String browserVersion, @Nullable String country) {

		/** A context that knows nothing. */
		public static final Context NONE = new Context(null, null, null, null, null, null, null, null, null, null,
				null);

	}

}
