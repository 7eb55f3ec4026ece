package dev.replay.api.share;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.share.ShareLinks.CreatedShareLink;
import dev.replay.api.share.ShareLinks.ShareLinkDetails;
import dev.replay.api.web.RejectUnknownFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The share links of sessions: made and revoked by editors and admins, listed to everyone
 * who can see the session.
 */
@RestController
@Tag(name = "Share links")
class ShareLinkController {

	private final ShareLinks links;

	ShareLinkController(ShareLinks links) {
		this.links = links;
	}

	@PostMapping("/api/v1/sessions/{sessionId}/share-links")
	@Operation(operationId = "createShareLink", summary = "Share a session with a link",
			description = "A link that plays this one session read-only without signing in, until expiresAt (in the "
					+ "future, at most 30 days ahead) or until it is revoked: url opens Replay's player page, "
					+ "embedUrl the embedded player, which any site may frame. Both carry the link's secret (256 "
					+ "random bits), which is kept only as a hash and never shown again. With startAt (ms from the "
					+ "session's start) the link opens there; with devtools true it shows the session's developer "
					+ "tools (its RUM events and assets) too, which links never do otherwise. Unknown fields are refused. Editors and admins granted the session's application; "
					+ "audited (share-link.created).")
	@ApiResponse(responseCode = "201", description = "The link.")
	@ApiResponse(responseCode = "400",
			description = "expiresAt is missing, not in the future or more than 30 days ahead, or startAt is negative "
					+ "(https://replay.dev/problems/invalid-share-link).")
	@ApiResponse(responseCode = "403",
			description = "Viewers may not share sessions, the API token is read-only, or "
					+ "a cookie session did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "404", description = "No recorded session with that id among the applications the "
			+ "caller is granted (https://replay.dev/problems/session-not-found).")
	ResponseEntity<CreatedLinkResponse> create(@PathVariable String sessionId,
			@Valid @RequestBody CreateShareLinkRequest request, @AuthenticationPrincipal ReplayPrincipal me) {
		CreatedShareLink created = this.links.create(sessionId, request.expiresAt(), request.startAt(),
				Boolean.TRUE.equals(request.devtools()), me);
		ShareLinkDetails link = created.details();
		String url = linkUrl("/s/{secret}", created.secret(), link.startAt());
		String embedUrl = linkUrl("/embed/s/{secret}", created.secret(), link.startAt());
		return ResponseEntity.created(URI.create(url))
			.body(new CreatedLinkResponse(link.id(), url, embedUrl, link.expiresAt(), link.startAt(), link.devtools()));
	}

	@GetMapping("/api/v1/sessions/{sessionId}/share-links")
	@Operation(operationId = "listShareLinks", summary = "List a session's share links",
			description = "Every link made for the session, newest first, active or not, without its secret.")
	@ApiResponse(responseCode = "200", description = "The links.")
	@ApiResponse(responseCode = "404", description = "No recorded session with that id among the applications the "
			+ "caller is granted (https://replay.dev/problems/session-not-found).")
	List<ShareLinkDetails> list(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal me) {
		return this.links.list(sessionId, me);
	}

	@DeleteMapping("/api/v1/share-links/{linkId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "revokeShareLink", summary = "Revoke a share link",
			description = "The link stops working at once: its URLs answer 404. Revoking a revoked link changes "
					+ "nothing. Editors and admins granted the session's application; audited (share-link.revoked).")
	@ApiResponse(responseCode = "403",
			description = "Viewers may not revoke links, the API token is read-only, or "
					+ "a cookie session did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "404", description = "No share link with that id among the applications the caller "
			+ "is granted (https://replay.dev/problems/share-link-not-found).")
	void revoke(@PathVariable UUID linkId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.links.revoke(linkId, me);
	}

	private static String linkUrl(String path, String secret, @Nullable Long startAt) {
		UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path);
		if (startAt != null) {
			url.queryParam("t", startAt);
		}
		return url.buildAndExpand(secret).toUriString();
	}

	/**
	 * What to share.
	 *
	 * @param expiresAt when the link stops working
	 * @param startAt where it opens the session, in milliseconds from its start
	 * @param devtools whether it shows the session's developer tools (its RUM events and
	 * assets); {@code false} when absent
	 */
	@RejectUnknownFields
	record CreateShareLinkRequest(@NotNull Instant expiresAt, @Nullable Long startAt, @Nullable Boolean devtools) {

	}

	/**
	 * A new link: its URLs are the only time its secret is shown.
	 *
	 * @param id the link, for listing and revoking it
	 * @param url Replay's player page for the link
	 * @param embedUrl the embedded player for the link, for another site's iframe
	 * @param expiresAt when it stops working
	 * @param startAt where it opens the session, or {@code null}
	 * @param devtools whether it shows the session's developer tools
	 */
	record CreatedLinkResponse(UUID id, String url, String embedUrl, Instant expiresAt, @Nullable Long startAt,
			boolean devtools) {

	}

}
