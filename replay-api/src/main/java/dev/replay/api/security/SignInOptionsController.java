package dev.replay.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the sign-in page, before anybody has signed in, which ways to sign in there are:
 * the password form, and single sign-on with the configured provider.
 */
@RestController
@Tag(name = "Sign-in")
@SecurityRequirements
class SignInOptionsController {

	static final String PATH = "/api/v1/auth/sign-in-options";

	private final SsoProperties sso;

	SignInOptionsController(SsoProperties sso) {
		this.sso = sso;
	}

	@GetMapping(PATH)
	@Operation(operationId = "getSignInOptions", summary = "Tell the ways to sign in",
			description = "Without signing in: whether the user name and password form works, and the single "
					+ "sign-on provider, if any, with the path that starts it.")
	SignInOptions options() {
		SingleSignOn singleSignOn = this.sso.enabled()
				? new SingleSignOn(this.sso.displayName(), SsoSettings.AUTHORIZATION_PATH) : null;
		return new SignInOptions(this.sso.localSignIn(), singleSignOn);
	}

	/**
	 * The ways to sign in.
	 *
	 * @param localSignIn whether the user name and password form works
	 * @param singleSignOn the OpenID provider, or {@code null} when there is none
	 */
	record SignInOptions(boolean localSignIn, @Nullable SingleSignOn singleSignOn) {

	}

	/**
	 * The OpenID provider.
	 *
	 * @param name its name, for the "Sign in with …" button
	 * @param url where the button starts the sign-in; add {@code ?next=<path>} to land
	 * there afterwards
	 */
	record SingleSignOn(String name, String url) {

	}

}
