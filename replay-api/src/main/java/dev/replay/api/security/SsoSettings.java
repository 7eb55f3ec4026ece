package dev.replay.api.security;

import dev.replay.api.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Sign-in with an OpenID Connect provider (authorization code flow): the sign-in page's
 * button opens {@code /oauth2/authorization/sso}, the provider sends the browser back to
 * {@code /login/oauth2/code/sso}, and the user lands in a cookie session like a form
 * sign-in's. Only applied when {@code replay.sso.issuer-uri} is set.
 */
class SsoSettings extends AbstractHttpConfigurer<SsoSettings, HttpSecurity> {

	/** Where the sign-in page's button starts single sign-on. */
	static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID;

	private final SsoProperties properties;

	private final SsoAccounts accounts;

	private final AuditLog audit;

	SsoSettings(SsoProperties properties, SsoAccounts accounts, AuditLog audit) {
		this.properties = properties;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public void init(HttpSecurity http) {
		SsoClientRegistrations registrations = new SsoClientRegistrations(this.properties);
		SsoSignInHandler handler = new SsoSignInHandler(this.audit);
		SsoUserService users = new SsoUserService(new SsoClaimMapper(this.properties), this.accounts,
				this.properties.defaultRole());
		http.oauth2Login((login) -> login.loginPage(PageSignInEntryPoint.SIGN_IN_PAGE)
			.clientRegistrationRepository(registrations)
			.authorizedClientRepository(new NoAuthorizedClients())
			.authorizationEndpoint((authorization) -> authorization
				.authorizationRequestResolver(new SsoAuthorizationRequests(registrations)))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(users))
			// the handler saves the Replay user in the session, not the provider's
			// sign-in
			.securityContextRepository(new RequestAttributeSecurityContextRepository())
			.successHandler(handler)
			.failureHandler(handler));
	}

	/**
	 * Keeps none of the provider's tokens: Replay asks the provider only who signed in.
	 */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
			// nothing kept
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
			// nothing kept
		}

	}

}
