package dev.replay.api.session;

import java.time.Instant;

import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SiteUser;
import dev.replay.ingest.session.SiteUserNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Describes a user of the recorded sites, the person behind the sessions that carry their
 * id; their sessions are listed by {@code GET /api/v1/sessions?userId=}. Only sessions of
 * the applications the caller is granted count.
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "Sessions")
class SiteUserController {

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	SiteUserController(RecordingCatalog catalog, ApplicationGrants grants) {
		this.catalog = catalog;
		this.grants = grants;
	}

	@GetMapping("/{userId}")
	@Operation(operationId = "getSiteUser", summary = "Get a site user",
			description = "A user of the recorded sites by the id their recorder sent: the latest name and email, "
					+ "how many sessions, and the errors and rage clicks of the indexed ones. 404 when no session "
					+ "the caller may see carries the id.")
	SiteUserResponse detail(@PathVariable String userId, @AuthenticationPrincipal ReplayPrincipal me) {
		return this.catalog.findUser(userId, this.grants.scopeOf(me))
			.map(SiteUserResponse::of)
			.orElseThrow(() -> new SiteUserNotFoundException(userId));
	}

	record SiteUserResponse(String userId, @Nullable String name, @Nullable String email, long sessionCount,
			long errorCount, long rageClickCount, Instant firstSeenAt, Instant lastSeenAt) {

		static SiteUserResponse of(SiteUser user) {
			return new SiteUserResponse(user.userId(), user.name(), user.email(), user.sessionCount(),
					user.errorCount(), user.rageClickCount(), user.firstSeenAt(), user.lastSeenAt());
		}

	}

}
