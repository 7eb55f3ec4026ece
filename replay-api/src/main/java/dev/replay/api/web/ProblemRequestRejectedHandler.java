package dev.replay.api.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the requests that Spring Security's firewall refuses (encoded slashes, periods
 * or percent signs, semicolons, double slashes, …) with a 400 problem; without it they
 * would escape as exceptions and end as a 500.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		ContainerProblems.write(response, HttpStatus.BAD_REQUEST.value(), request.getRequestURI());
	}

}
