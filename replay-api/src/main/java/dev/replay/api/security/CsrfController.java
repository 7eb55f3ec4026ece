package dev.replay.api.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets the {@code XSRF-TOKEN} cookie for the player before it signs in; the player echoes
 * the cookie's value in the {@code X-XSRF-TOKEN} header of every change.
 */
@RestController
class CsrfController {

	@GetMapping(SignInSettings.CSRF_PATH)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void csrf(CsrfToken token) {
		// loading the deferred token is what writes the cookie
		token.getToken();
	}

}
