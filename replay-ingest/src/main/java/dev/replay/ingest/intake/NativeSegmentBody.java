package dev.replay.ingest.intake;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.jspecify.annotations.Nullable;

/**
 * The body of a native upload as the OpenAPI document describes it. The intake does not
 * bind it to this type: it reads it in one streaming pass ({@code NativeSegmentReader}).
 *
 * @param applicationId the application the session belongs to
 * @param sequence the batch's number within the session
 * @param viewId the page view the batch belongs to
 * @param events the rrweb events
 * @param context where and by whom it was recorded
 */
@Schema(name = "NativeSegment", description = "A batch of rrweb events from our recorder script.")
record NativeSegmentBody(@Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
		description = "the application, which the client token must be allowed to write to") String applicationId,
		@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
				description = "the batch's number within the session; a repeat of the same (session, sequence) "
						+ "is stored once") int sequence,
		@Schema(maxLength = 128, description = "the page view the batch belongs to") @Nullable String viewId,
		@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1,
				description = "rrweb events ({type, timestamp, data}), none dated more than "
						+ "replay.ingest.max-event-age before or replay.ingest.max-event-lead after their "
						+ "receipt") List<Map<String, Object>> events,
		@Nullable Context context) {

	/**
	 * Where and by whom a session was recorded.
	 *
	 * @param url the page's URL
	 * @param userAgent the browser's user agent
	 * @param user the signed-in user of the recorded site
	 */
	@Schema(name = "NativeSegmentContext")
	record Context(@Nullable String url, @Nullable String userAgent, @Nullable User user) {

	}

	/**
	 * The signed-in user of the recorded site.
	 *
	 * @param id their id
	 * @param name their name
	 * @param email their email address
	 */
	@Schema(name = "NativeSegmentUser")
	record User(@Nullable String id, @Nullable String name, @Nullable String email) {

	}

}
