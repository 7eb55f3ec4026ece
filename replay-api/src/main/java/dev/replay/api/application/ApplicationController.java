package dev.replay.api.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.application.ApplicationSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates and lists applications, and changes how long their sessions are kept.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications")
class ApplicationController {

	private final ApplicationRegistry registry;

	private final ApplicationAdministration administration;

	ApplicationController(ApplicationRegistry registry, ApplicationAdministration administration) {
		this.registry = registry;
		this.administration = administration;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createApplication", summary = "Create an application",
			description = "Admin only. Creates an application and its first client token, whose value the answer "
					+ "shows. The optional id keeps an applicationId that recorders already send. Audited "
					+ "(application.created).")
	@ApiResponse(responseCode = "409", description = "An application with that id already exists "
			+ "(https://replay.dev/problems/application-exists).")
	CreatedApplicationResponse create(@Valid @RequestBody CreateApplicationRequest request) {
		CreatedApplication created = this.administration.createApplication(request.name().strip(), request.id());
		return new CreatedApplicationResponse(created.application().id(), created.application().name(),
				created.clientToken().token(), created.application().createdAt());
	}

	@GetMapping
	@Operation(operationId = "listApplications", summary = "List applications",
			description = "Admin only. Every application, with how many days its sessions are kept.")
	List<ApplicationResponse> list() {
		return this.registry.listApplications().stream().map(ApplicationResponse::of).toList();
	}

	@PatchMapping("/{applicationId}")
	@Operation(operationId = "changeApplication", summary = "Change an application's retention",
			description = "Admin only. Sets how many days (1 to 3650) the application's sessions are kept after the "
					+ "server last received a segment of them; sessions in playlists are kept. Audited "
					+ "(application.retention-changed).")
	ApplicationResponse change(@PathVariable UUID applicationId, @Valid @RequestBody ChangeApplicationRequest request) {
		return ApplicationResponse.of(this.administration.changeRetention(applicationId, request.retentionDays()));
	}

	record ChangeApplicationRequest(@Min(1) @Max(3650) int retentionDays) {

	}

	record CreateApplicationRequest(@NotBlank @Size(max = 200) String name, @Nullable UUID id) {

	}

	record CreatedApplicationResponse(UUID id, String name, String clientToken, Instant createdAt) {

	}

	record ApplicationResponse(UUID id, String name, Instant createdAt, int retentionDays) {

		static ApplicationResponse of(ApplicationSummary summary) {
			return new ApplicationResponse(summary.id(), summary.name(), summary.createdAt(), summary.retentionDays());
		}

	}

}
