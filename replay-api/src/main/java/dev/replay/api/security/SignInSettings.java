package dev.replay.api.security;

import java.util.Map;

import dev.replay.api.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * How users sign in to the API besides HTTP Basic: with a personal API token on every
 * request, or with the player's sign-in form, which opens a cookie session. Without local
 * sign-in ({@code replay.sso.local-sign-in=false}) neither the form nor HTTP Basic
 * accepts a password; API tokens still work. Only cookie sessions need a CSRF token
 * (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}): scripts that send their
 * credentials with every request stay stateless and send none. Each request of a cookie
 * session sees its user as stored now ({@link SessionUserFilter}); both cookies are
 * {@code SameSite=Lax}, and {@code Secure} when the request came over TLS (directly, or
 * through a proxy when {@code server.forward-headers-strategy} is set).
 */
class SignInSettings extends AbstractHttpConfigurer<SignInSettings, HttpSecurity> {

	static final String SIGN_IN_PATH = "/api/v1/auth/sign-in";

	static final String SIGN_OUT_PATH = "/api/v1/auth/sign-out";

	static final String CSRF_PATH = "/api/v1/auth/csrf";

	static final String SAME_SITE = "Lax";

	private static final String BASIC = "Basic ";

	private final ApiTokens tokens;

	private final AuditLog audit;

	private final ProblemSecurityHandler problems;

	private final SignInAttempts attempts;

	private final boolean localSignIn;

	SignInSettings(ApiTokens tokens, AuditLog audit, ProblemSecurityHandler problems, SignInAttempts attempts,
			boolean localSignIn) {
		this.tokens = tokens;
		this.audit = audit;
		this.problems = problems;
		this.attempts = attempts;
		this.localSignIn = localSignIn;
	}

	@Override
	public void init(HttpSecurity http) {
		SignInHandler handler = new SignInHandler(this.problems, this.audit);
		// the SPA repository, with SameSite; Secure follows request.isSecure()
		CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfCookies.setCookieCustomizer((cookie) -> cookie.sameSite(SAME_SITE));
		http.csrf((csrf) -> csrf.spa()
			.csrfTokenRepository(csrfCookies)
			.ignoringRequestMatchers(SignInSettings::needsNoCsrfToken))
			.logout((logout) -> logout.logoutUrl(SIGN_OUT_PATH)
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof ReplayPrincipal user) {
						this.audit.recordAs(user.getUsername(), "sign-out", "user", user.id().toString(),
								Map.of("method", "session"));
					}
				})
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
		if (!this.localSignIn) {
			// single sign-on only (replay.sso.local-sign-in=false): no password is
			// accepted
			http.httpBasic(AbstractHttpConfigurer::disable);
			return;
		}
		http.formLogin((form) -> form.loginPage(PageSignInEntryPoint.SIGN_IN_PAGE)
			.loginProcessingUrl(SIGN_IN_PATH)
			.successHandler(handler)
			.failureHandler(handler)
			.permitAll())
			// only the sign-in form opens a session: no session policy is set, since one
			// would make every sign-in, HTTP Basic included, save itself in a session
			.httpBasic((basic) -> basic.securityContextRepository(new RequestAttributeSecurityContextRepository()));
	}

	@Override
	public void configure(HttpSecurity http) {
		// every password attempt, by form or Basic, passes the throttle first (ADR 0014)
		http.addFilterBefore(new SignInThrottleFilter(this.attempts, this.problems),
				UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new ApiTokenAuthenticationFilter(this.tokens, this.attempts, this.problems),
				BasicAuthenticationFilter.class);
		SessionUsers users = http.getSharedObject(ApplicationContext.class).getBean(SessionUsers.class);
		http.addFilterAfter(new SessionUserFilter(users), SecurityContextHolderFilter.class);
	}

	/**
	 * Whether a request needs no CSRF token because a forged cross-site request could not
	 * act for anybody with it: it carries an API token, which browsers never add by
	 * themselves; or HTTP Basic credentials, unless a browser says that the request comes
	 * from another site (browsers replay cached Basic credentials); or no credentials at
	 * all and no session, so it is anonymous, except the sign-in itself.
	 * @param request the request
	 * @return whether CSRF protection is not needed
	 */
	static boolean needsNoCsrfToken(HttpServletRequest request) {
		if (ApiTokenAuthenticationFilter.carriesToken(request)) {
			return true;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			String site = request.getHeader("Sec-Fetch-Site");
			return site == null || "same-origin".equals(site) || "none".equals(site);
		}
		return request.getSession(false) == null
				&& !request.getRequestURI().equals(request.getContextPath() + SIGN_IN_PATH);
	}

}
