package dev.replay.api.playback;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.share.ShareLinks;
import dev.replay.api.share.SharedSession;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.playback.PlaybackWindow;
import dev.replay.ingest.resource.ResourceNotFoundException;
import dev.replay.ingest.resource.SessionResource;
import dev.replay.ingest.session.RecordingCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Plays the one session of a share link to whoever holds the link, signed in or not: its
 * events and the images of a mobile recording, under the link's own address so that
 * nothing else of the API answers to it. The events name the session's images and
 * captured assets by their addresses under the link.
 */
@RestController
@Tag(name = "Share links")
@SecurityRequirements
class LinkPlaybackController {

	private final ShareLinks links;

	private final LinkPlaybacks playbacks;

	private final RecordingCatalog catalog;

	private final RecordingReads reads;

	LinkPlaybackController(ShareLinks links, LinkPlaybacks playbacks, RecordingCatalog catalog, RecordingReads reads) {
		this.links = links;
		this.playbacks = playbacks;
		this.catalog = catalog;
		this.reads = reads;
	}

	@GetMapping("/s/{secret}/events")
	@Operation(operationId = "getSharedSessionEvents", summary = "Stream the events of a shared session",
			description = "What GET /api/v1/sessions/{sessionId}/events answers, for the one session of a share link "
					+ "and without signing in; the events name the session's images and captured assets under "
					+ "/s/{secret}/. Audited as session.played on behalf of the link (context link, the link's id, "
					+ "the client's address), except a continuation within replay.playback.audit-window of the "
					+ "link's last audited playback.")
	@ApiResponse(responseCode = "200", description = "The events, with the Replay-Session-Start, "
			+ "Replay-Session-Duration and Replay-Window-Start headers of GET /api/v1/sessions/{sessionId}/events.",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(type = "object", description = "an rrweb event"))))
	@ApiResponse(responseCode = "404", description = "No valid link at this address: it does not exist, expired or "
			+ "was revoked, or its session was deleted (https://replay.dev/problems/share-link-not-found).")
	ResponseEntity<StreamingResponseBody> events(@PathVariable String secret,
			@RequestParam(defaultValue = "false") boolean continuation,
			@RequestParam(required = false) @Nullable Long from, @RequestParam(required = false) @Nullable Long to) {
		SharedSession shared = this.links.require(secret);
		PlaybackWindow window = this.playbacks.open(shared, continuation, from, to);
		UnaryOperator<byte[]> rewrite = this.playbacks.linksUnder(shared, "/s/" + secret + "/");
		StreamingResponseBody body = (out) -> EventArrayWriter.write(window, out, false, rewrite);
		return ResponseEntity.ok()
			.headers(EventArrayWriter.headers(window))
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	@GetMapping("/s/{secret}/resources/{resourceId}")
	@Operation(operationId = "getSharedSessionResource", summary = "Get an image of a shared mobile recording",
			description = "What GET /api/v1/sessions/{sessionId}/resources/{resourceId} answers, for the one session "
					+ "of a share link and without signing in. Audited as session.content-read on behalf of the "
					+ "link, at most once per replay.playback.audit-window.")
	@ApiResponse(responseCode = "200", description = "The image.",
			content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "404",
			description = "No valid link at this address, or no such image in its "
					+ "session (https://replay.dev/problems/share-link-not-found, "
					+ "https://replay.dev/problems/resource-not-found).")
	ResponseEntity<byte[]> resource(@PathVariable String secret, @PathVariable String resourceId) {
		SharedSession shared = this.links.require(secret);
		SessionResource resource = this.catalog
			.findResource(shared.sessionId(), resourceId, ApplicationScope.of(List.of(shared.applicationId())))
			.orElseThrow(() -> new ResourceNotFoundException(resourceId));
		this.reads.contentReadThroughLink(shared.sessionId(), shared.applicationId(), shared.linkId(), "resources");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(resource.contentType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", ResourceController.CONTENT_SECURITY_POLICY)
			.body(resource.bytes());
	}

}
