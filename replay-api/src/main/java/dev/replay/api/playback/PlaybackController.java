package dev.replay.api.playback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import dev.replay.api.security.ReplayPrincipal;
import dev.replay.core.timeline.TimelineMerger;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams the rrweb events of a session as one JSON array, in timestamp order and without
 * duplicates, writing each event as soon as the merge reaches it. Every playback is
 * recorded in the watch history and the audit trail, except previews
 * ({@code preview=true}) used for thumbnails.
 */
@RestController
class PlaybackController {

	private final PlaybackService playbacks;

	PlaybackController(PlaybackService playbacks) {
		this.playbacks = playbacks;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/events")
	ResponseEntity<StreamingResponseBody> events(@PathVariable String sessionId,
			@RequestParam(defaultValue = "player") PlaybackContext context,
			@RequestParam(defaultValue = "false") boolean preview, @AuthenticationPrincipal ReplayPrincipal viewer) {
		TimelineMerger merger = new TimelineMerger(this.playbacks.open(sessionId, context, preview, viewer));
		StreamingResponseBody body = (out) -> writeArray(merger, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static void writeArray(TimelineMerger merger, OutputStream out) throws IOException {
		out.write('[');
		boolean[] first = { true };
		try {
			merger.forEach((event) -> {
				try {
					if (!first[0]) {
						out.write(',');
					}
					first[0] = false;
					out.write(event.json());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.write(']');
	}

}
