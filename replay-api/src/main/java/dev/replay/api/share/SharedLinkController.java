package dev.replay.api.share;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a share link's page needs to know of its link, for whoever holds it: until when it
 * plays, where it opens and whether it shows developer tools; never which session or
 * application it plays, nor who made it.
 */
@RestController
@Tag(name = "Share links")
@SecurityRequirements
class SharedLinkController {

	private final ShareLinks links;

	SharedLinkController(ShareLinks links) {
		this.links = links;
	}

	@GetMapping("/s/{secret}/link")
	@Operation(operationId = "getSharedLink", summary = "Describe a share link to its holder",
			description = "Until when the link plays, where it opens the session and whether it shows the "
					+ "session's developer tools, without signing in.")
	@ApiResponse(responseCode = "200", description = "The link.")
	@ApiResponse(responseCode = "404", description = ShareLinks.LINK_NOT_FOUND)
	ResponseEntity<SharedLink> link(@PathVariable String secret) {
		SharedSession shared = this.links.require(secret);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new SharedLink(shared.expiresAt(), shared.startAt(), shared.devtools()));
	}

	/**
	 * A share link as its holder sees it.
	 *
	 * @param expiresAt when it stops working
	 * @param startAt where it opens the session, in milliseconds from its start, or
	 * {@code null} for its start
	 * @param devtools whether it shows the session's developer tools
	 */
	record SharedLink(Instant expiresAt, @Nullable Long startAt, boolean devtools) {

	}

}
