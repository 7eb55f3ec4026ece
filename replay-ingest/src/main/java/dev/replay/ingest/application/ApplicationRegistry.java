package dev.replay.ingest.application;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and lists applications and the client tokens that may write to them.
 */
@Service
@NamedInterface("api")
public class ApplicationRegistry {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApplicationRepository applications;

	private final ClientTokenRepository tokens;

	ApplicationRegistry(ApplicationRepository applications, ClientTokenRepository tokens) {
		this.applications = applications;
		this.tokens = tokens;
	}

	/**
	 * Create an application and a client token valid for it alone.
	 * @param name the display name
	 * @param id the id to use, for example the {@code applicationId} already deployed
	 * with a Datadog SDK; a random one when {@code null}
	 * @return the application and its new token
	 */
	@Transactional
	public CreatedApplication createApplication(String name, @Nullable UUID id) {
		UUID applicationId = (id != null) ? id : UUID.randomUUID();
		if (this.applications.existsById(applicationId)) {
			throw new ApplicationExistsException(applicationId);
		}
		ApplicationEntity application = this.applications.save(new ApplicationEntity(applicationId, name));
		ClientTokenEntity token = this.tokens
			.save(new ClientTokenEntity(UUID.randomUUID(), name, newTokenValue(), Set.of(applicationId)));
		return new CreatedApplication(toSummary(application), toDetails(token));
	}

	/**
	 * List all applications by name.
	 * @return never {@code null}
	 */
	@Transactional(readOnly = true)
	public List<ApplicationSummary> listApplications() {
		return this.applications.findAll(Sort.by("name", "id")).stream().map(ApplicationRegistry::toSummary).toList();
	}

	/**
	 * Change how long an application's sessions are kept.
	 * @param id the application
	 * @param retentionDays days after a session's end, 1 to 3650
	 * @return the application as it is now
	 * @throws ApplicationNotFoundException if there is no such application
	 */
	@Transactional
	public ApplicationSummary changeRetention(UUID id, int retentionDays) {
		ApplicationEntity application = this.applications.findById(id)
			.orElseThrow(() -> new ApplicationNotFoundException(id));
		application.setRetentionDays(retentionDays);
		return toSummary(application);
	}

	/**
	 * Create a client token.
	 * @param name the display name
	 * @param value the token value to use, for example the client token already deployed
	 * with a Datadog SDK; a random one when {@code null}
	 * @param applicationIds the applications it may write to; every application when
	 * {@code null}
	 * @return the token
	 */
	@Transactional
	public ClientTokenDetails createClientToken(String name, @Nullable String value,
			@Nullable List<UUID> applicationIds) {
		String token = (value != null) ? value : newTokenValue();
		if (this.tokens.existsByToken(token)) {
			throw new ClientTokenExistsException();
		}
		if (applicationIds != null) {
			applicationIds.stream().filter((id) -> !this.applications.existsById(id)).findFirst().ifPresent((id) -> {
				throw new UnknownApplicationException(id);
			});
		}
		Set<UUID> scope = (applicationIds != null) ? Set.copyOf(applicationIds) : null;
		return toDetails(this.tokens.save(new ClientTokenEntity(UUID.randomUUID(), name, token, scope)));
	}

	/**
	 * List all client tokens, revoked ones included.
	 * @return never {@code null}
	 */
	@Transactional(readOnly = true)
	public List<ClientTokenDetails> listClientTokens() {
		return this.tokens.findAll(Sort.by("createdAt", "id")).stream().map(ApplicationRegistry::toDetails).toList();
	}

	/**
	 * Revoke a client token; segments sent with it are refused from now on.
	 * @param id the token's id
	 * @return the revoked token
	 */
	@Transactional
	public ClientTokenDetails revokeClientToken(UUID id) {
		ClientTokenEntity token = this.tokens.findById(id).orElseThrow(() -> new ClientTokenNotFoundException(id));
		token.revoke();
		return toDetails(token);
	}

	private static String newTokenValue() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return "pub" + HexFormat.of().formatHex(bytes);
	}

	private static ApplicationSummary toSummary(ApplicationEntity entity) {
		return new ApplicationSummary(entity.getId(), entity.getName(), entity.getCreatedAt(),
				entity.getRetentionDays());
	}

	private static ClientTokenDetails toDetails(ClientTokenEntity entity) {
		List<UUID> scope = entity.isAllApplications() ? null : entity.getApplicationIds().stream().sorted().toList();
		return new ClientTokenDetails(entity.getId(), entity.getName(), entity.getToken(), scope, entity.getCreatedAt(),
				entity.getRevokedAt());
	}

	/**
	 * An application just created, with its first client token.
	 *
	 * @param application the application
	 * @param clientToken a token valid for it alone
	 */
	public record CreatedApplication(ApplicationSummary application, ClientTokenDetails clientToken) {

	}

}
