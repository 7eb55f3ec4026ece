package dev.replay.api.session;

import java.util.List;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.share.ShareLinks;
import dev.replay.api.share.SharedSession;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.rum.RumCatalog;
import dev.replay.ingest.rum.RumPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RUM events of a share link's session, for the developer tools of the link's player,
 * to whoever holds a link made to show them.
 */
@RestController
@Tag(name = "Share links")
@SecurityRequirements
class LinkRumController {

	private final ShareLinks links;

	private final RumCatalog catalog;

	private final RecordingReads reads;

	LinkRumController(ShareLinks links, RumCatalog catalog, RecordingReads reads) {
		this.links = links;
		this.catalog = catalog;
		this.reads = reads;
	}

	@GetMapping("/s/{secret}/rum")
	@Operation(operationId = "listSharedSessionRumEvents", summary = "List the RUM events of a shared session",
			description = "What GET /api/v1/sessions/{sessionId}/rum answers, for the one session of a share link "
					+ "made with devtools, without signing in. Audited as session.content-read on behalf of the "
					+ "link, at most once per replay.playback.audit-window.")
	@ApiResponse(responseCode = "200", description = "A page of events.")
	@ApiResponse(responseCode = "400",
			description = "A parameter is out of range " + "(https://replay.dev/problems/bad-request).")
	@ApiResponse(responseCode = "403",
			description = "The link does not show developer tools " + "(https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "404", description = ShareLinks.DEVTOOLS_LINK_NOT_FOUND)
	RumPage events(@PathVariable String secret,
			@RequestParam(required = false) @Pattern(
					regexp = "view|action|error|resource|long_task|console") @Nullable String type,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
		SharedSession shared = this.links.requireDevtools(secret);
		RumPage page = this.catalog.events(shared.sessionId(), ApplicationScope.of(List.of(shared.applicationId())),
				type, cursor, limit);
		this.reads.contentReadThroughLink(shared.sessionId(), shared.applicationId(), shared.linkId(), "rum");
		return page;
	}

}
