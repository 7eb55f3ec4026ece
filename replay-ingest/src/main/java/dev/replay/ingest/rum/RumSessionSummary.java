package dev.replay.ingest.rum;

import java.util.List;

import dev.replay.core.rum.RumEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What RUM events tell about a session: who, on what, where, which pages and how it went.
 *
 * @param sessionId the session
 * @param user the user, device, operating system, browser and country
 * @param firstUrl the URL of the first view
 * @param lastUrl the URL of the last view
 * @param viewCount views
 * @param errorCount errors
 * @param actionCount actions
 * @param frustrationCount actions with a frustration signal
 * @param rageClickCount rage clicks
 * @param deadClickCount dead clicks
 * @param errorClickCount error clicks
 * @param views the views with their loading time and Core Web Vitals, in time order
 */
@NamedInterface("api")
public record RumSessionSummary(String sessionId, RumEvent.Context user, @Nullable String firstUrl,
		@Nullable String lastUrl, int viewCount, int errorCount, int actionCount, int frustrationCount,
		int rageClickCount, int deadClickCount, int errorClickCount, List<ViewTimings> views) {

	/**
	 * A view and its timings.
	 *
	 * @param id the view id
	 * @param url its URL
	 * @param name its name
	 * @param offsetMs when it started, in milliseconds from the session's start
	 * @param timings loading time and Core Web Vitals
	 */
	public record ViewTimings(@Nullable String id, @Nullable String url, @Nullable String name, long offsetMs,
			RumEvent.Timings timings) {

	}

}
