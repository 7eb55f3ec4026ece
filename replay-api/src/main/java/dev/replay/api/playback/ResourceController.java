package dev.replay.api.playback;

import java.time.Duration;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.resource.ResourceNotFoundException;
import dev.replay.ingest.resource.SessionResource;
import dev.replay.ingest.session.RecordingCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the images that mobile recordings refer to. They never change once uploaded, so
 * browsers may keep them; they are served as inert documents, so that an SVG cannot run
 * script or load anything. Only images of a session the caller is granted are served, and
 * their reads are audited like a playback.
 */
@RestController
@Tag(name = "Playback")
class ResourceController {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	private static final Duration MAX_AGE = Duration.ofDays(365);

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final RecordingReads reads;

	ResourceController(RecordingCatalog catalog, ApplicationGrants grants, RecordingReads reads) {
		this.catalog = catalog;
		this.grants = grants;
		this.reads = reads;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/resources/{resourceId}")
	@Operation(operationId = "getSessionResource", summary = "Get an image of a mobile recording",
			description = "An image uploaded with a mobile recording, typed by its bytes, privately cacheable for a "
					+ "year and served inert (nosniff, Content-Security-Policy default-src 'none'). A read of "
					+ "recorded content, audited as session.content-read.")
	@ApiResponse(responseCode = "200", description = "The image.",
			content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> resource(@PathVariable String sessionId, @PathVariable String resourceId,
			@AuthenticationPrincipal ReplayPrincipal viewer) {
		ApplicationScope scope = this.grants.scopeOf(viewer);
		SessionResource resource = this.catalog.findResource(sessionId, resourceId, scope)
			.orElseThrow(() -> new ResourceNotFoundException(resourceId));
		this.catalog.findSession(sessionId, scope)
			.ifPresent((session) -> this.reads.contentRead(sessionId, session.applicationId(), "resources"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(resource.contentType()))
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.body(resource.bytes());
	}

}
