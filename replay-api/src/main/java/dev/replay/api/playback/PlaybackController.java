package dev.replay.api.playback;

import dev.replay.ingest.PlaybackWindow;
import dev.replay.ingest.SessionTimelines;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams the rrweb events of a session as one JSON array, in timestamp order and without
 * duplicates, writing each event as soon as the merge reaches it: the whole session, or a
 * window of it that starts with the keyframe for {@code from}.
 */
@RestController
class PlaybackController {

	private final SessionTimelines timelines;

	PlaybackController(SessionTimelines timelines) {
		this.timelines = timelines;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/events")
	ResponseEntity<StreamingResponseBody> events(@PathVariable String sessionId,
			@RequestParam(required = false) @Nullable Long from, @RequestParam(required = false) @Nullable Long to) {
		PlaybackWindow window = this.timelines.window(sessionId, from, to);
		StreamingResponseBody body = (out) -> EventArrayWriter.write(window, out);
		return ResponseEntity.ok()
			.headers(EventArrayWriter.headers(window))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

}
