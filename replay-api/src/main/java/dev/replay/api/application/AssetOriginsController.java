package dev.replay.api.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.ingest.asset.AssetOrigins;
import dev.replay.ingest.session.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The origins an application's captured assets may be fetched from: its own list, or by
 * default the origins of its recorded pages.
 */
@RestController
@RequestMapping("/api/v1/applications/{applicationId}/asset-origins")
@Tag(name = "Applications")
class AssetOriginsController {

	private final AssetOrigins origins;

	private final AuditLog audit;

	AssetOriginsController(AssetOrigins origins, AuditLog audit) {
		this.origins = origins;
		this.audit = audit;
	}

	@GetMapping
	@Operation(operationId = "getAssetOrigins", summary = "Get where an application's assets may be fetched from",
			description = "Admin only. The application's own list of origins (null when it has none), the origins "
					+ "of its recorded pages, and the origins that apply: the list, or else the page origins.")
	AssetOriginsResponse get(@PathVariable UUID applicationId) {
		return AssetOriginsResponse.of(this.origins.find(applicationId));
	}

	@PutMapping
	@Operation(operationId = "setAssetOrigins", summary = "Set where an application's assets may be fetched from",
			description = "Admin only. Origins (scheme://host[:port], http or https, at most 100) that the capture of "
					+ "stylesheets, fonts and images may fetch from; null goes back to the origins of the "
					+ "application's recorded pages. Private and loopback addresses stay refused unless "
					+ "replay.assets.allowed-private-origins names them. Audited (application.asset-origins-changed).")
	@Transactional
	AssetOriginsResponse set(@PathVariable UUID applicationId, @Valid @RequestBody AssetOriginsRequest request) {
		AssetOrigins.Allowed changed;
		try {
			changed = this.origins.change(applicationId, request.origins());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException(ex.getMessage());
		}
		this.audit.record("application.asset-origins-changed", "application", applicationId.toString(),
				Map.of("origins", (changed.listed() != null) ? String.join(" ", changed.listed()) : "page origins"));
		return AssetOriginsResponse.of(changed);
	}

	/**
	 * The origins to set.
	 *
	 * @param origins the origins, or {@code null} for the origins of the recorded pages
	 */
	record AssetOriginsRequest(
			@Nullable @Size(max = AssetOrigins.MAX_ORIGINS) List<@NotNull @Size(max = 300) String> origins) {

	}

	/**
	 * Where an application's assets may be fetched from.
	 *
	 * @param origins the application's own list, or {@code null} when it has none
	 * @param pageOrigins the origins of its recorded pages
	 * @param effective the origins that apply
	 */
	record AssetOriginsResponse(@Nullable List<String> origins, List<String> pageOrigins, List<String> effective) {

		static AssetOriginsResponse of(AssetOrigins.Allowed allowed) {
			return new AssetOriginsResponse(allowed.listed(), allowed.pageOrigins(), allowed.effective());
		}

	}

}
