package dev.replay.api.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The one OpenID provider Replay signs in with, read from its discovery document at the
 * first sign-in rather than at start-up: Replay starts while the provider is away, and a
 * failed discovery is tried again at the next sign-in.
 */
class SsoClientRegistrations implements ClientRegistrationRepository {

	private final SsoProperties properties;

	private volatile @Nullable ClientRegistration registration;

	SsoClientRegistrations(SsoProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration discovered = this.registration;
		if (discovered == null) {
			synchronized (this) {
				discovered = this.registration;
				if (discovered == null) {
					discovered = discover();
					this.registration = discovered;
				}
			}
		}
		return discovered;
	}

	private ClientRegistration discover() {
		Set<String> scopes = new LinkedHashSet<>();
		scopes.add(OidcScopes.OPENID);
		scopes.addAll(this.properties.scopes());
		ClientRegistration.Builder registration = ClientRegistrations
			.fromIssuerLocation(String.valueOf(this.properties.issuerUri()))
			.registrationId(SsoProperties.REGISTRATION_ID)
			.clientId(this.properties.clientId())
			.clientName(this.properties.displayName())
			.scope(scopes);
		String secret = this.properties.clientSecret();
		if (secret == null || secret.isBlank()) {
			// a public client: proof key (PKCE) instead of a secret
			registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			registration.clientSecret(secret);
		}
		return registration.build();
	}

}
