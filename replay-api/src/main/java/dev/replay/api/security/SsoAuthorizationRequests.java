package dev.replay.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Starts a sign-in with the OpenID provider ({@code /oauth2/authorization/sso?next=…}) as
 * Spring Security does (state, nonce and PKCE), and remembers the page to go to
 * afterwards.
 */
class SsoAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

	private final DefaultOAuth2AuthorizationRequestResolver resolver;

	SsoAuthorizationRequests(ClientRegistrationRepository registrations) {
		this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		this.resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return remembering(request, this.resolver.resolve(request));
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return remembering(request, this.resolver.resolve(request, clientRegistrationId));
	}

	private static @Nullable OAuth2AuthorizationRequest remembering(HttpServletRequest request,
			@Nullable OAuth2AuthorizationRequest authorization) {
		if (authorization != null) {
			SsoSignInHandler.rememberNext(request);
		}
		return authorization;
	}

}
