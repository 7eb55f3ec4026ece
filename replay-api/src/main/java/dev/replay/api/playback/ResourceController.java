package dev.replay.api.playback;

import java.time.Duration;

import dev.replay.ingest.RecordingCatalog;
import dev.replay.ingest.ResourceNotFoundException;
import dev.replay.ingest.SessionResource;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the images that mobile recordings refer to. They never change once uploaded, so
 * browsers may keep them; they are served as inert documents, so that an SVG cannot run
 * script or load anything.
 */
@RestController
class ResourceController {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	private static final Duration MAX_AGE = Duration.ofDays(365);

	private final RecordingCatalog catalog;

	ResourceController(RecordingCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/resources/{resourceId}")
	ResponseEntity<byte[]> resource(@PathVariable String sessionId, @PathVariable String resourceId) {
		SessionResource resource = this.catalog.findResource(sessionId, resourceId)
			.orElseThrow(() -> new ResourceNotFoundException(resourceId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(resource.contentType()))
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.body(resource.bytes());
	}

}
