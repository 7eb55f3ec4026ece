package dev.replay.api.session;

import java.util.List;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import dev.replay.ingest.session.SessionView;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the pages or screens of a recorded session; a read of recorded content, audited
 * like a playback.
 */
@RestController
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
	List<SessionView> views(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal viewer) {
		SessionSummary session = this.catalog.findSession(sessionId, this.grants.scopeOf(viewer))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		this.reads.contentRead(sessionId, session.applicationId(), "views");
		return this.catalog.views(sessionId);
	}

}
