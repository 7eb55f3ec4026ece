package dev.replay.api.datadog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The request and response bodies of Datadog's replay endpoints: {@code {"data": ...}}
 * envelopes of resources with an id, a type and snake_case attributes.
 */
final class JsonApi {

	static final String PLAYLIST = "rum_replay_playlist";

	static final String SESSION = "rum_replay_session";

	static final String WATCH = "rum_replay_watch";

	static final String WATCHER = "rum_replay_watcher";

	private JsonApi() {
	}

	/**
	 * One resource.
	 *
	 * @param <T> the resource type
	 * @param data the resource
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Document<T>(@Nullable T data) {

	}

	/**
	 * A list of resources; never {@code null}, {@code []} when empty.
	 *
	 * @param <T> the resource type
	 * @param data the resources
	 */
	record Collection<T>(List<T> data) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PlaylistData(@Nullable String id, @Nullable String type, @Nullable PlaylistAttributes attributes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PlaylistAttributes(@Nullable String name, @Nullable String description,
			@JsonProperty("session_count") @Nullable Long sessionCount,
			@JsonProperty("created_at") @Nullable Instant createdAt,
			@JsonProperty("updated_at") @Nullable Instant updatedAt,
			@JsonProperty("created_by") @Nullable CreatedBy createdBy) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreatedBy(String handle, String id, String uuid, String name) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SessionData(@Nullable String id, @Nullable String type, @Nullable SessionAttributes attributes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SessionAttributes(@Nullable String track, @JsonProperty("session_event") Map<String, Object> sessionEvent,
			@JsonProperty("last_watched_at") @Nullable Instant lastWatchedAt) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WatchData(@Nullable String id, @Nullable String type, @Nullable WatchAttributes attributes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WatchAttributes(@JsonProperty("application_id") @Nullable String applicationId,
			@JsonProperty("event_id") @Nullable String eventId, @Nullable Instant timestamp,
			@JsonProperty("data_source") @Nullable String dataSource) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WatcherData(String id, String type, WatcherAttributes attributes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WatcherAttributes(String handle, String name, @JsonProperty("last_watched_at") Instant lastWatchedAt,
			@JsonProperty("watch_count") int watchCount) {

	}

}
