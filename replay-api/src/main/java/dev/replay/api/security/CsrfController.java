package dev.replay.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Sign-in")
@SecurityRequirements
class CsrfController {

	@GetMapping(SignInSettings.CSRF_PATH)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "getCsrfToken", summary = "Set the CSRF cookie",
			description = "Sets the XSRF-TOKEN cookie, whose value the browser echoes in the X-XSRF-TOKEN header of "
					+ "the sign-in and of every change in a cookie session.")
	void csrf(@Parameter(hidden = true) CsrfToken token) {
		// loading the deferred token is what writes the cookie
		token.getToken();
	}

}
