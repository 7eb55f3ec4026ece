package dev.replay.api.session;

import java.util.List;

import dev.replay.ingest.RecordingCatalog;
import dev.replay.ingest.SessionNotFoundException;
import dev.replay.ingest.SessionView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the pages or screens of a recorded session.
 */
@RestController
class SessionViewController {

	private final RecordingCatalog catalog;

	SessionViewController(RecordingCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/views")
	List<SessionView> views(@PathVariable String sessionId) {
		if (this.catalog.findSession(sessionId).isEmpty()) {
			throw new SessionNotFoundException(sessionId);
		}
		return this.catalog.views(sessionId);
	}

}
