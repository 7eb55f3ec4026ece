package dev.replay.api.security;

import dev.replay.api.security.SsoClaimMapper.SsoIdentity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the user an OpenID provider signed in into a Replay user: reads the claims of the
 * ID token and the user info, then finds, creates or updates the linked user.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final SsoClaimMapper claims;

	private final SsoAccounts accounts;

	private final Role defaultRole;

	SsoUserService(SsoClaimMapper claims, SsoAccounts accounts, Role defaultRole) {
		this.claims = claims;
		this.accounts = accounts;
		this.defaultRole = defaultRole;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.provider.loadUser(request);
		try {
			SsoIdentity identity = this.claims.map(user.getClaims());
			String issuer = user.getIdToken().getIssuer().toString();
			return new SsoUser(user, this.accounts.signIn(issuer, identity, this.defaultRole));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", ex.getMessage(), null), ex);
		}
	}

	/**
	 * The provider's user together with the Replay user it signed in as; named by the
	 * Replay user name.
	 */
	static final class SsoUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final ReplayPrincipal principal;

		SsoUser(OidcUser user, ReplayPrincipal principal) {
			super(principal.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.principal = principal;
		}

		ReplayPrincipal principal() {
			return this.principal;
		}

		@Override
		public String getName() {
			return this.principal.getUsername();
		}

	}

}
