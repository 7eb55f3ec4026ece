package dev.replay.api.asset;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.core.asset.AssetUrlRewriter;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.asset.AssetCatalog.AssetBytes;
import dev.replay.ingest.asset.AssetCatalog.SessionAsset;
import dev.replay.ingest.asset.AssetNotFoundException;
import dev.replay.ingest.redaction.RedactionRules;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the stylesheets, fonts and images captured from recorded pages, by the SHA-256
 * of their content, to users who may see an application that captured them; and lists the
 * assets a session references, so that a user sees why one is missing. A captured
 * stylesheet is served with its own references to captured assets pointing here too.
 */
@RestController
@Tag(name = "Assets")
class AssetController {

	// assets are inert: an SVG neither runs script nor loads anything
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final Duration MAX_AGE = Duration.ofDays(365);

	private final AssetCatalog assets;

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final RedactionRules redactions;

	AssetController(AssetCatalog assets, RecordingCatalog catalog, ApplicationGrants grants,
			RedactionRules redactions) {
		this.assets = assets;
		this.redactions = redactions;
		this.catalog = catalog;
		this.grants = grants;
	}

	@GetMapping(AssetLinks.PATH + "{sha256}")
	@Operation(operationId = "getAsset", summary = "Get a captured asset",
			description = "A stylesheet, font or image that a recorded page referenced, as it was captured, by the "
					+ "SHA-256 of its bytes. Served to users who may see an application that captured it, with "
					+ "its stored content type, privately cacheable for a year as it never changes, nosniff and "
					+ "inert (Content-Security-Policy default-src 'none'). A stylesheet's references to other "
					+ "captured assets point to this endpoint; the others are absolute URLs of the original site.")
	@ApiResponse(responseCode = "200", description = "The asset.",
			content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> asset(@PathVariable String sha256, @AuthenticationPrincipal ReplayPrincipal viewer) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new AssetNotFoundException(sha256);
		}
		ApplicationScope scope = this.grants.scopeOf(viewer);
		AssetBytes asset = this.assets.find(sha256, scope).orElseThrow(() -> new AssetNotFoundException(sha256));
		byte[] body = isStylesheet(asset) ? stylesheet(this.assets, asset, AssetLinks::of) : asset.bytes();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(asset.contentType()))
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.body(body);
	}

	@GetMapping("/api/v1/sessions/{sessionId}/assets")
	@Operation(operationId = "listSessionAssets", summary = "List the assets of a session",
			description = "The stylesheets, fonts and images the session's recording references, in URL order, "
					+ "each with its state: captured (with the SHA-256, content type and size of the version the "
					+ "session plays with, served at /api/v1/assets/{sha256}), pending, or failed with the reason.")
	List<SessionAsset> sessionAssets(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal viewer) {
		ApplicationScope scope = this.grants.scopeOf(viewer);
		SessionSummary session = this.catalog.findSession(sessionId, scope)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		return this.assets.list(sessionId, this.redactions.forSession(session.applicationId(), sessionId));
	}

	static boolean isStylesheet(AssetBytes asset) {
		return asset.url() != null
				&& MediaType.parseMediaType(asset.contentType()).isCompatibleWith(MediaType.valueOf("text/css"));
	}

	// the stylesheet's own references: those captured and linked point to their link, the
	// others to the original site
	static byte[] stylesheet(AssetCatalog assets, AssetBytes asset, Function<String, @Nullable String> link) {
		String css = new String(asset.bytes(), StandardCharsets.UTF_8);
		URI base = URI.create(asset.url());
		List<String> referenced = new ArrayList<>();
		AssetUrlRewriter.rewriteStylesheet(css, base, (url) -> {
			referenced.add(url);
			return null;
		});
		Map<String, String> captured = assets.captured(asset.applicationId(), referenced);
		String rewritten = AssetUrlRewriter.rewriteStylesheet(css, base, (url) -> {
			String sha256 = captured.get(url);
			return (sha256 != null) ? link.apply(sha256) : null;
		});
		return rewritten.getBytes(StandardCharsets.UTF_8);
	}

}
