package dev.replay.api.redaction;

import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ReplayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redaction rules of a session or of every session of an application, for editors and
 * admins.
 */
@RestController
@Tag(name = "Redactions")
class RedactionController {

	private static final String REFUSED = "Viewers may not redact or list redactions, the API token is read-only, "
			+ "or a cookie session did not echo its CSRF token (https://replay.dev/problems/forbidden).";

	private final Redactions redactions;

	RedactionController(Redactions redactions) {
		this.redactions = redactions;
	}

	@PostMapping("/api/v1/sessions/{sessionId}/redactions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "redactSession", summary = "Redact a stored session",
			description = "Masks a text (every occurrence, in text, attributes, input values and URLs, URL-encoded "
					+ "forms included), the elements a CSS selector matches (their text, input values and attributes "
					+ "masked, images blanked), or both, in every read of the session from now on: its events from "
					+ "the start or from a keyframe, previews, keyframes, RUM events, descriptions and asset list. "
					+ "With applicationId (the session's own) the rule holds for every session of the application, "
					+ "those recorded later included. The recorded bytes are kept; the keyframes are rebuilt in the "
					+ "background. Editors and admins of the session's application; audited (session.redacted or "
					+ "application.redacted).")
	@ApiResponse(responseCode = "400", description = "No text or selector, a blank or too long text, an invalid "
			+ "selector, or another application than the session's (https://replay.dev/problems/invalid-redaction).")
	@ApiResponse(responseCode = "403", description = REFUSED)
	RedactionResponse redactSession(@PathVariable String sessionId, @RequestBody RedactionRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return RedactionResponse.of(this.redactions.addForSession(sessionId, request, me));
	}

	@GetMapping("/api/v1/sessions/{sessionId}/redactions")
	@Operation(operationId = "listSessionRedactions", summary = "List the redactions of a session",
			description = "The rules that hold for the session, its own and its application's, oldest first. Editors "
					+ "and admins only, because the rules name what they hide.")
	@ApiResponse(responseCode = "200", description = "The rules.")
	@ApiResponse(responseCode = "403", description = REFUSED)
	List<RedactionResponse> sessionRedactions(@PathVariable String sessionId,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.redactions.ofSession(sessionId, me).stream().map(RedactionResponse::of).toList();
	}

	@PostMapping("/api/v1/redactions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "redactApplication", summary = "Redact every session of an application",
			description = "Like redacting a session with applicationId: the rule holds for every stored session of "
					+ "the application and for those recorded later. Editors and admins granted the application; "
					+ "audited (application.redacted, with the number of sessions).")
	@ApiResponse(responseCode = "400",
			description = "No applicationId, no text or selector, a blank or too long "
					+ "text, or an invalid selector (https://replay.dev/problems/invalid-redaction).")
	@ApiResponse(responseCode = "403", description = REFUSED)
	RedactionResponse redactApplication(@RequestBody RedactionRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return RedactionResponse.of(this.redactions.addForApplication(request, me));
	}

	@GetMapping("/api/v1/redactions")
	@Operation(operationId = "listApplicationRedactions", summary = "List the redactions of an application",
			description = "The rules that hold for every session of the application, oldest first. Editors and "
					+ "admins granted the application.")
	@ApiResponse(responseCode = "200", description = "The rules.")
	@ApiResponse(responseCode = "403", description = REFUSED)
	List<RedactionResponse> applicationRedactions(@RequestParam UUID applicationId,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.redactions.ofApplication(applicationId, me).stream().map(RedactionResponse::of).toList();
	}

}
