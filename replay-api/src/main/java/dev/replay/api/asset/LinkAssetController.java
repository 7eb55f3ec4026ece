package dev.replay.api.asset;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.share.ShareLinks;
import dev.replay.api.share.SharedSession;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.asset.AssetCatalog.AssetBytes;
import dev.replay.ingest.asset.AssetCatalog.SessionAsset;
import dev.replay.ingest.asset.AssetNotFoundException;
import dev.replay.ingest.redaction.RedactionRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the captured assets of a share link's session to whoever holds the link: only
 * the versions that session plays with, never another asset of its application. A
 * stylesheet's references to those versions point under the link too; its other
 * references are left to the original site.
 */
@RestController
@Tag(name = "Share links")
@SecurityRequirements
class LinkAssetController {

	private final ShareLinks links;

	private final AssetCatalog assets;

	private final RedactionRules redactions;

	private final RecordingReads reads;

	LinkAssetController(ShareLinks links, AssetCatalog assets, RedactionRules redactions, RecordingReads reads) {
		this.links = links;
		this.assets = assets;
		this.redactions = redactions;
		this.reads = reads;
	}

	@GetMapping("/s/{secret}/assets")
	@Operation(operationId = "listSharedSessionAssets", summary = "List the assets of a shared session",
			description = "What GET /api/v1/sessions/{sessionId}/assets answers, for the one session of a share link "
					+ "made with devtools, without signing in. Audited as session.content-read on behalf of the "
					+ "link, at most once per replay.playback.audit-window.")
	@ApiResponse(responseCode = "200", description = "The assets.")
	@ApiResponse(responseCode = "403",
			description = "The link does not show developer tools " + "(https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "404", description = ShareLinks.DEVTOOLS_LINK_NOT_FOUND)
	List<SessionAsset> sessionAssets(@PathVariable String secret) {
		SharedSession shared = this.links.requireDevtools(secret);
		List<SessionAsset> listed = this.assets.list(shared.sessionId(),
				this.redactions.forSession(shared.applicationId(), shared.sessionId()));
		this.reads.contentReadThroughLink(shared.sessionId(), shared.applicationId(), shared.linkId(), "assets");
		return listed;
	}

	@GetMapping("/s/{secret}/assets/{sha256}")
	@Operation(operationId = "getSharedSessionAsset", summary = "Get a captured asset of a shared session",
			description = "What GET /api/v1/assets/{sha256} answers, for the versions of assets the share link's "
					+ "session plays with, without signing in; never cached, so that a revoked link stops serving "
					+ "at once.")
	@ApiResponse(responseCode = "200", description = "The asset.",
			content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "404",
			description = "No valid link at this address, or no such asset in its "
					+ "session (https://replay.dev/problems/share-link-not-found, "
					+ "https://replay.dev/problems/asset-not-found).")
	ResponseEntity<byte[]> asset(@PathVariable String secret, @PathVariable String sha256) {
		SharedSession shared = this.links.require(secret);
		Map<String, String> versions = this.assets.capturedVersions(shared.sessionId());
		Set<String> played = Set.copyOf(versions.values());
		if (!AssetController.SHA256.matcher(sha256).matches() || !played.contains(sha256)) {
			throw new AssetNotFoundException(sha256);
		}
		AssetBytes asset = this.assets.find(sha256, ApplicationScope.of(List.of(shared.applicationId())))
			.orElseThrow(() -> new AssetNotFoundException(sha256));
		String linkBase = "/s/" + secret + "/";
		byte[] body = AssetController.isStylesheet(asset)
				? AssetController.stylesheet(this.assets, asset,
						(referenced) -> played.contains(referenced) ? AssetLinks.underLink(linkBase, referenced) : null)
				: asset.bytes();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(asset.contentType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", AssetController.CONTENT_SECURITY_POLICY)
			.body(body);
	}

}
