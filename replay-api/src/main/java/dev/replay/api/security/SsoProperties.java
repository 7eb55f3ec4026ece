package dev.replay.api.security;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an OpenID Connect provider; off while no issuer is set.
 *
 * @param issuerUri the provider's issuer (its discovery document is read from
 * {@code <issuer>/.well-known/openid-configuration} on the first sign-in); empty turns
 * single sign-on off
 * @param clientId the client id Replay is registered under at the provider
 * @param clientSecret its client secret
 * @param displayName the provider's name on the sign-in page ("Sign in with …")
 * @param scopes the scopes asked for ({@code openid}, {@code profile} and {@code email}
 * when empty); {@code openid} is always asked for
 * @param usernameClaim the claim that names a new user (then {@code email}, then
 * {@code sub} when it is missing)
 * @param roleClaim the claim that sets the user's role at every sign-in (a string or a
 * list of strings); empty leaves roles to admins
 * @param adminValues the values of the role claim that make an admin
 * @param editorValues the values of the role claim that make an editor
 * @param viewerValues the values of the role claim that make a viewer; when all three
 * lists are empty, the claim holds the role's name ({@code viewer}, {@code editor} or
 * {@code admin})
 * @param applicationsClaim the claim that holds the applications a user may see
 * ({@code "all"} or a list of application ids); empty leaves them to admins
 * @param defaultRole the role of a new user, and of any user whose role claim holds no
 * known value
 * @param localSignIn whether users may also sign in with a password (the sign-in form and
 * HTTP Basic); API tokens work either way
 */
@ConfigurationProperties("replay.sso")
record SsoProperties(@Nullable URI issuerUri, @Nullable String clientId, @Nullable String clientSecret,
		@DefaultValue("SSO") String displayName, @DefaultValue List<String> scopes,
		@DefaultValue("preferred_username") String usernameClaim, @Nullable String roleClaim,
		@DefaultValue List<String> adminValues, @DefaultValue List<String> editorValues,
		@DefaultValue List<String> viewerValues, @Nullable String applicationsClaim,
		@DefaultValue("viewer") Role defaultRole, @DefaultValue("true") boolean localSignIn) {

	/** The id of the provider's registration, as in {@code /oauth2/authorization/sso}. */
	static final String REGISTRATION_ID = "sso";

	SsoProperties {
		if (scopes.isEmpty()) {
			scopes = List.of("openid", "profile", "email");
		}
		if (issuerUri != null && issuerUri.toString().isBlank()) {
			issuerUri = null;
		}
		if (issuerUri != null && (clientId == null || clientId.isBlank())) {
			throw new IllegalArgumentException("replay.sso.client-id must be set when replay.sso.issuer-uri is");
		}
		if (issuerUri == null && !localSignIn) {
			throw new IllegalArgumentException(
					"replay.sso.local-sign-in=false needs replay.sso.issuer-uri: nobody could sign in otherwise");
		}
	}

	/**
	 * Whether single sign-on is configured.
	 * @return whether an issuer is set
	 */
	boolean enabled() {
		return this.issuerUri != null;
	}

	/**
	 * Whether a role claim is configured.
	 * @return whether roles follow the provider
	 */
	boolean mapsRole() {
		return this.roleClaim != null && !this.roleClaim.isBlank();
	}

	/**
	 * Whether an applications claim is configured.
	 * @return whether application grants follow the provider
	 */
	boolean mapsApplications() {
		return this.applicationsClaim != null && !this.applicationsClaim.isBlank();
	}

}
