package dev.replay.api.playback;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.playback.PlaybackWindow;
import dev.replay.ingest.resource.ResourceLinks;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads a whole session, to whoever may play it: as its rrweb events (one JSON array,
 * as the playback endpoint streams them but with the recorded asset URLs), or as one HTML
 * file that plays it offline (the events, the captured assets inline and the player).
 * Both are streamed as the session is read, and audited as a playback in the context
 * {@code export}.
 */
@RestController
@Tag(name = "Playback")
class SessionExportController {

	private final PlaybackService playbacks;

	private final AssetCatalog assets;

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final ResourceLinks links;

	private final ExportPage page;

	private final JsonMapper json;

	SessionExportController(PlaybackService playbacks, AssetCatalog assets, RecordingCatalog catalog,
			ApplicationGrants grants, ResourceLinks links, ExportPage page, JsonMapper json) {
		this.links = links;
		this.playbacks = playbacks;
		this.assets = assets;
		this.catalog = catalog;
		this.grants = grants;
		this.page = page;
		this.json = json;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/export")
	@Operation(operationId = "exportSession", summary = "Download a session",
			description = "The whole session as a download (Content-Disposition: attachment), streamed. format=html: "
					+ "one self-contained HTML file that plays the session in a browser without a network: its "
					+ "events, the captured stylesheets, fonts and images it references as data: URLs (URLs not "
					+ "captured stay as recorded and are not loaded), and the player; the file's "
					+ "Content-Security-Policy lets it load nothing. format=rrweb: the session's rrweb events as one "
					+ "JSON array, as GET /api/v1/sessions/{sessionId}/events returns the whole session but with "
					+ "the recorded asset URLs (Datadog sessions converted the same way). Anyone who may play the "
					+ "session may export it; an export is audited as session.played with the context export.")
	@ApiResponse(responseCode = "200", description = "The file.",
			headers = @Header(name = "Content-Disposition",
					description = "attachment; filename=\"replay-session-{sessionId}.html\" (or .rrweb.json)",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = "text/html", schema = @Schema(type = "string")),
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(type = "object", description = "an rrweb event"))) })
	ResponseEntity<StreamingResponseBody> export(@PathVariable String sessionId, @Parameter(
			description = "html (default) or rrweb") @RequestParam(defaultValue = "html") ExportFormat format,
			@AuthenticationPrincipal ReplayPrincipal viewer) {
		PlaybackWindow window = this.playbacks.export(sessionId, viewer);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(ContentDisposition.attachment().filename(fileName(sessionId, format)).build());
		headers.setCacheControl(CacheControl.noStore());
		if (format == ExportFormat.rrweb) {
			StreamingResponseBody body = (out) -> EventArrayWriter.write(window, out, false, UnaryOperator.identity());
			return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		ApplicationScope scope = this.grants.scopeOf(viewer);
		InlineAssets inline = new InlineAssets(this.assets, this.catalog, this.links, sessionId, scope);
		byte[] session = this.json.writeValueAsBytes(description(sessionId, window, scope));
		UnaryOperator<byte[]> tokens = inline.tokens();
		StreamingResponseBody body = (out) -> this.page.write(out, session,
				(events) -> EventArrayWriter.write(window, events, false, tokens), inline::writeJson);
		return ResponseEntity.ok()
			.headers(headers)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(body);
	}

	private Map<String, Object> description(String sessionId, PlaybackWindow window, ApplicationScope scope) {
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("id", sessionId);
		session.put("sessionStart", window.sessionStart());
		session.put("duration", window.sessionDuration());
		this.catalog.findSession(sessionId, scope)
			.map(SessionSummary::source)
			.ifPresent((source) -> session.put("source", source));
		return session;
	}

	// only letters, digits, dots, dashes and underscores, whatever the session id holds
	static String fileName(String sessionId, ExportFormat format) {
		String name = sessionId.replaceAll("[^A-Za-z0-9._-]", "_");
		if (name.length() > 100) {
			name = name.substring(0, 100);
		}
		return "replay-session-" + name + ((format == ExportFormat.rrweb) ? ".rrweb.json" : ".html");
	}

}
