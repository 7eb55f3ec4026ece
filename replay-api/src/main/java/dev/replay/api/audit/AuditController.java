package dev.replay.api.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replay.ingest.session.InvalidCursorException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Lets admins query and export the audit trail.
 */
@RestController
@RequestMapping("/api/v1/audit-events")
@Validated
@Tag(name = "Audit")
class AuditController {

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private final AuditTrail trail;

	private final AuditLog audit;

	private final JsonMapper json;

	AuditController(AuditTrail trail, AuditLog audit, JsonMapper json) {
		this.trail = trail;
		this.audit = audit;
		this.json = json;
	}

	@GetMapping
	@Operation(operationId = "listAuditEvents", summary = "Search the audit trail",
			description = "Admin only. Audit events that match every filter given, newest first, one page at a "
					+ "time: a page ends with nextCursor when more follow; pass it as cursor with the same filters. "
					+ "Failed sign-ins are aggregated per name, method, client address and minute (details.count).")
	AuditEventPage list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String targetType,
			@RequestParam(required = false) @Nullable String targetId,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		AuditEventQuery query = new AuditEventQuery(actor, action, targetType, targetId, from, to);
		List<AuditEventResponse> rows = this.trail.find(query, (cursor != null) ? decode(cursor) : null, limit + 1);
		if (rows.size() <= limit) {
			return new AuditEventPage(rows, null);
		}
		List<AuditEventResponse> page = List.copyOf(rows.subList(0, limit));
		return new AuditEventPage(page, Long.toString(page.get(limit - 1).id()));
	}

	@GetMapping("/export")
	@Operation(operationId = "exportAuditEvents", summary = "Export the audit trail",
			description = "Admin only. The audit events that match the filters, as newline-delimited JSON, "
					+ "streamed as an attachment. The export itself is audited (audit.exported).")
	@ApiResponse(responseCode = "200", description = "One audit event per line.",
			content = @Content(mediaType = "application/x-ndjson",
					schema = @Schema(type = "string", description = "one AuditEventResponse per line")))
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String targetType,
			@RequestParam(required = false) @Nullable String targetId,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to) {
		AuditEventQuery query = new AuditEventQuery(actor, action, targetType, targetId, from, to);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("actor", actor);
		filters.put("action", action);
		filters.put("targetType", targetType);
		filters.put("targetId", targetId);
		filters.put("from", (from != null) ? from.toString() : null);
		filters.put("to", (to != null) ? to.toString() : null);
		filters.values().removeIf((value) -> value == null);
		this.audit.record("audit.exported", "audit-trail", null, filters);
		StreamingResponseBody body = (out) -> write(query, out);
		return ResponseEntity.ok()
			.contentType(NDJSON)
			.header("Content-Disposition", "attachment; filename=\"audit-events.ndjson\"")
			.body(body);
	}

	private void write(AuditEventQuery query, OutputStream out) throws IOException {
		try {
			this.trail.forEach(query, (event) -> {
				try {
					out.write(this.json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
					out.write('\n');
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static long decode(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCursorException();
		}
	}

	record AuditEventPage(List<AuditEventResponse> items, @Nullable String nextCursor) {

	}

}
