package dev.replay.api.security;

import java.time.Clock;

import dev.replay.api.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every sign-in attempt, whichever way: begun by {@link SignInThrottleFilter} (password
 * by form or HTTP Basic) or {@link ApiTokenAuthenticationFilter} (API token) before the
 * credentials are checked, refused while its user name or client address has to wait
 * ({@link SignInThrottle}), ended with the outcome that Spring Security publishes for
 * passwords or that the token filter reports, and each failure recorded by
 * {@link SignInAuditor}.
 */
@Component
class SignInAttempts {

	static final String ATTEMPT_ATTRIBUTE = SignInAttempts.class.getName() + ".attempt";

	static final String METHOD_PASSWORD = "password";

	static final String METHOD_TOKEN = "token";

	private final SignInThrottle throttle;

	private final SignInAuditor auditor;

	SignInAttempts(SignInThrottleProperties properties, SignInAuditor auditor) {
		this.throttle = new SignInThrottle(properties, Clock.systemUTC());
		this.auditor = auditor;
	}

	/**
	 * Begin an attempt; when it is refused, it is recorded as a failure with the reason
	 * {@code throttled}, and the caller answers 429.
	 * @param request the request
	 * @param name the user name tried, or {@code null} for an API token
	 * @return the attempt
	 */
	SignInThrottle.Attempt begin(HttpServletRequest request, @Nullable String name) {
		String shortName = (name != null) ? AuditLog.truncate(name) : null;
		String address = request.getRemoteAddr();
		SignInThrottle.Attempt attempt = this.throttle.begin(shortName, address);
		if (attempt.isRefused()) {
			if (shortName != null) {
				this.auditor.failed(shortName, "user", shortName, METHOD_PASSWORD, "throttled", address);
			}
			else {
				this.auditor.failed(AuditLog.ANONYMOUS, "api-token", null, METHOD_TOKEN, "throttled", address);
			}
		}
		else {
			request.setAttribute(ATTEMPT_ATTRIBUTE, attempt);
		}
		return attempt;
	}

	/**
	 * End an attempt with an API token that is unknown, revoked or otherwise refused.
	 * @param request the request
	 * @param attempt the attempt
	 * @param reason why the token was refused
	 */
	void tokenFailed(HttpServletRequest request, SignInThrottle.Attempt attempt, String reason) {
		attempt.failed();
		this.auditor.failed(AuditLog.ANONYMOUS, "api-token", null, METHOD_TOKEN, reason, request.getRemoteAddr());
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		HttpServletRequest request = currentRequest();
		SignInThrottle.Attempt attempt = (request != null) ? attemptOf(request) : null;
		String name = AuditLog.truncate(event.getAuthentication().getName());
		String address = (request != null) ? request.getRemoteAddr() : null;
		if (attempt != null) {
			attempt.failed();
		}
		else if (address != null) {
			// a way to sign in that no filter here began: count it all the same, so that
			// the next attempts of that name or address wait
			this.throttle.begin(name, address).failed();
		}
		this.auditor.failed(name, "user", name, METHOD_PASSWORD, event.getException().getClass().getSimpleName(),
				address);
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		HttpServletRequest request = currentRequest();
		SignInThrottle.Attempt attempt = (request != null) ? attemptOf(request) : null;
		if (attempt != null) {
			attempt.succeeded();
		}
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetQuiet() {
		this.throttle.forgetQuiet();
	}

	static SignInThrottle.@Nullable Attempt attemptOf(HttpServletRequest request) {
		return (request.getAttribute(ATTEMPT_ATTRIBUTE) instanceof SignInThrottle.Attempt attempt) ? attempt : null;
	}

	private static @Nullable HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
