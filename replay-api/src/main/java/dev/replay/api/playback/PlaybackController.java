package dev.replay.api.playback;

import java.util.Map;
import java.util.function.UnaryOperator;

import dev.replay.api.asset.AssetLinks;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.core.asset.AssetUrlRewriter;
import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.playback.PlaybackWindow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

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
 * duplicates, writing each event as soon as the merge reaches it: the whole session, or a
 * window of it that starts with the keyframe for {@code from}. Opening a playback is
 * recorded in the watch history and the audit trail. A preview ({@code preview=true}, for
 * thumbnails) is not, and gets only the events up to the session's first full snapshot
 * within its first {@value #PREVIEW_MS} ms, whatever {@code from} and {@code to} say. A
 * follow-up window ({@code continuation=true}) is not recorded again when the same user
 * opened an audited playback of the session within {@code replay.playback.audit-window},
 * and is recorded as a new playback otherwise.
 */
@RestController
@Tag(name = "Playback")
class PlaybackController {

	/** How much of a session's start a preview may cover, in milliseconds. */
	static final long PREVIEW_MS = 1000;

	private final PlaybackService playbacks;

	private final MeterRegistry meters;

	private final AssetCatalog assets;

	PlaybackController(PlaybackService playbacks, MeterRegistry meters, AssetCatalog assets) {
		this.playbacks = playbacks;
		this.assets = assets;
		this.meters = meters;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/events")
	@Operation(operationId = "getSessionEvents", summary = "Stream a session's rrweb events",
			description = "The session's rrweb events as one JSON array in timestamp order, duplicates removed, "
					+ "streamed (gzip when accepted). With from (ms from the session start): the latest stored "
					+ "keyframe at or before it, then the events after it; with to: only up to to. Values typed "
					+ "into password, email, tel and payment-card inputs come out as *. Records a playback (watch "
					+ "entry and audit event session.played), except a preview (preview=true: only the events up "
					+ "to the first full snapshot within the first second) and a continuation (continuation=true) "
					+ "within replay.playback.audit-window of the same user's recorded playback.")
	@ApiResponse(responseCode = "200", description = "The events.",
			headers = {
					@Header(name = "Replay-Session-Start", description = "epoch milliseconds of the session's start",
							schema = @Schema(type = "integer", format = "int64")),
					@Header(name = "Replay-Session-Duration", description = "the session's duration in milliseconds",
							schema = @Schema(type = "integer", format = "int64")),
					@Header(name = "Replay-Window-Start",
							description = "milliseconds from the session's start to the first event sent",
							schema = @Schema(type = "integer", format = "int64")) },
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(type = "object", description = "an rrweb event"))))
	ResponseEntity<StreamingResponseBody> events(@PathVariable String sessionId,
			@RequestParam(defaultValue = "player") PlaybackContext context,
			@RequestParam(defaultValue = "false") boolean preview,
			@RequestParam(defaultValue = "false") boolean continuation,
			@RequestParam(required = false) @Nullable Long from, @RequestParam(required = false) @Nullable Long to,
			@AuthenticationPrincipal ReplayPrincipal viewer) {
		Timer.Sample started = Timer.start(this.meters);
		PlaybackService.Request request = preview ? PlaybackService.Request.PREVIEW
				: (continuation ? PlaybackService.Request.CONTINUATION : PlaybackService.Request.PLAYBACK);
		PlaybackWindow window = preview ? this.playbacks.open(sessionId, context, request, null, PREVIEW_MS, viewer)
				: this.playbacks.open(sessionId, context, request, from, to, viewer);
		UnaryOperator<byte[]> capturedAssets = capturedAssets(sessionId);
		StreamingResponseBody body = (out) -> {
			try {
				EventArrayWriter.write(window, out, preview, capturedAssets);
			}
			finally {
				started.stop(Timer.builder("replay.playback")
					.description("Time from a playback request to the last event of its window or session written")
					.tag("window", preview ? "preview" : ((from != null || to != null) ? "range" : "whole"))
					.publishPercentileHistogram()
					.register(this.meters));
			}
		};
		return ResponseEntity.ok()
			.headers(EventArrayWriter.headers(window))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	// the URLs of assets captured for the session name them by content, as the session
	// saw them; the others are left to the original site
	private UnaryOperator<byte[]> capturedAssets(String sessionId) {
		Map<String, String> versions = this.assets.capturedVersions(sessionId);
		if (versions.isEmpty()) {
			return UnaryOperator.identity();
		}
		return (event) -> AssetUrlRewriter.rewriteEvent(event, (url) -> {
			String sha256 = versions.get(url);
			return (sha256 != null) ? AssetLinks.of(sha256) : null;
		});
	}

}
