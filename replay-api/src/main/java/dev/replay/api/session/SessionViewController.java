package dev.replay.api.session;

import java.util.List;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import dev.replay.ingest.session.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the pages or screens of a recorded session; a read of recorded content, audited
 * like a playback.
 */
@RestController
@Tag(name = "Sessions")
class SessionViewController {

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final RecordingReads reads;

	SessionViewController(RecordingCatalog catalog, ApplicationGrants grants, RecordingReads reads) {
		this.catalog = catalog;
		this.grants = grants;
		this.reads = reads;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/views")
	@Operation(operationId = "listSessionViews", summary = "List a session's pages or screens",
			description = "The session's views in order, each with its URL (or screen name) and start. A read of "
					+ "recorded content, audited as session.content-read.")
	List<SessionView> views(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal viewer) {
		SessionSummary session = this.catalog.findSession(sessionId, this.grants.scopeOf(viewer))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		this.reads.contentRead(sessionId, session.applicationId(), "views");
		return this.catalog.views(sessionId);
	}

}
