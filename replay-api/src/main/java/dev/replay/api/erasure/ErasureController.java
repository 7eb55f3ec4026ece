package dev.replay.api.erasure;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import dev.replay.api.web.RejectUnknownFields;
import dev.replay.ingest.erasure.Erasure;
import dev.replay.ingest.erasure.ErasureSubject;
import dev.replay.ingest.erasure.SubjectKind;
import dev.replay.ingest.session.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasures of a person, for admins: requested here, run in the background.
 */
@RestController
@RequestMapping(ErasureController.PATH)
@Tag(name = "Erasures")
class ErasureController {

	static final String PATH = "/api/v1/erasures";

	private final ErasureRequests requests;

	ErasureController(ErasureRequests requests) {
		this.requests = requests;
	}

	@PostMapping
	@Operation(operationId = "requestErasure", summary = "Erase every session of a person",
			description = "Admin only. Names the person by exactly one of userId (as the recorder's identify or "
					+ "Datadog RUM's usr.id recorded it, matched exactly) and email (usr.email or identify's email, "
					+ "ignoring case), optionally within one application. Every session of theirs is deleted with "
					+ "its segments, keyframes, RUM events and raw RUM batches, views, captured-asset references, "
					+ "watch history and playlist items, from PostgreSQL and the object store, in batches by a "
					+ "background job that resumes after a restart; their ids are refused by the intake from then "
					+ "on (410). Answers at once with the queued erasure. Audited (erasure.requested, then "
					+ "erasure.completed) with a SHA-256 of the person's id or email, never the value.")
	@ApiResponse(responseCode = "202", description = "The erasure is queued; follow it at the Location.")
	@ApiResponse(responseCode = "400",
			description = "Neither or both of userId and email, a value that is not "
					+ "valid (https://replay.dev/problems/bad-request), or an application that does not exist "
					+ "(https://replay.dev/problems/unknown-application).")
	@ApiResponse(responseCode = "403", description = "Only admins may erase, the API token is read-only, or a "
			+ "cookie session did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	ResponseEntity<ErasureResponse> request(@Valid @RequestBody ErasureRequest request) {
		Erasure erasure = this.requests.request(subject(request), request.applicationId());
		return ResponseEntity.accepted()
			.location(URI.create(PATH + "/" + erasure.id()))
			.body(ErasureResponse.of(erasure));
	}

	@GetMapping("/{erasureId}")
	@Operation(operationId = "getErasure", summary = "How far an erasure got",
			description = "Admin only. Its status (queued, running, completed), the sessions of the person found "
					+ "when it was requested and those erased so far.")
	@ApiResponse(responseCode = "200", description = "The erasure and its progress.")
	@ApiResponse(responseCode = "404",
			description = "No erasure with that id " + "(https://replay.dev/problems/erasure-not-found).")
	ErasureResponse get(@PathVariable UUID erasureId) {
		return ErasureResponse.of(this.requests.find(erasureId));
	}

	private static ErasureSubject subject(ErasureRequest request) {
		String userId = request.userId();
		String email = request.email();
		if ((userId == null) == (email == null)) {
			throw new InvalidParameterException("Name the person by exactly one of userId and email.");
		}
		if (userId != null) {
			if (userId.isBlank() || hasControl(userId)) {
				throw new InvalidParameterException("userId must not be blank or hold control characters.");
			}
			return ErasureSubject.userId(userId);
		}
		if (email == null || email.isBlank() || hasControl(email)) {
			throw new InvalidParameterException("email must not be blank or hold control characters.");
		}
		return ErasureSubject.email(email.strip());
	}

	private static boolean hasControl(String value) {
		return value.chars().anyMatch((c) -> c < 0x20 || c == 0x7F);
	}

	/**
	 * Whom to erase.
	 *
	 * @param userId the person's user id, or {@code null}
	 * @param email the person's email, or {@code null}
	 * @param applicationId the one application to erase them from, or {@code null} for
	 * all; unknown fields are refused, so that a misspelt one never widens an erasure
	 */
	@RejectUnknownFields
	record ErasureRequest(
			@Schema(description = "the user id, matched exactly; give this or email") @Nullable @Size(min = 1,
					max = 256) String userId,
			@Schema(description = "the email, matched ignoring case; give this or userId") @Nullable @Email @Size(
					min = 3, max = 320) String email,
			@Schema(description = "erase only this application's sessions") @Nullable UUID applicationId) {

	}

	/**
	 * An erasure and how far it got.
	 *
	 * @param id the erasure
	 * @param status queued, running or completed
	 * @param applicationId its one application, or {@code null} for all
	 * @param subject {@code userId} or {@code email}: how the person was named
	 * @param subjectSha256 SHA-256 (hex) of {@code user_id:<id>} or
	 * {@code email:<lower-case email>}: all that is kept of the person
	 * @param sessionsFound the person's sessions when it was requested
	 * @param sessionsErased the sessions erased so far
	 * @param batches the batches run so far
	 * @param requestedBy who asked
	 * @param requestedAt when
	 * @param completedAt when it completed, or {@code null}
	 */
	record ErasureResponse(UUID id, String status, @Nullable UUID applicationId, String subject, String subjectSha256,
			int sessionsFound, int sessionsErased, int batches, String requestedBy, Instant requestedAt,
			@Nullable Instant completedAt) {

		static ErasureResponse of(Erasure erasure) {
			return new ErasureResponse(erasure.id(), erasure.status().name().toLowerCase(java.util.Locale.ROOT),
					erasure.applicationId(), (erasure.subjectKind() == SubjectKind.USER_ID) ? "userId" : "email",
					erasure.subjectSha256(), erasure.sessionsFound(), erasure.sessionsErased(), erasure.batches(),
					erasure.requestedBy(), erasure.requestedAt(), erasure.completedAt());
		}

	}

}
