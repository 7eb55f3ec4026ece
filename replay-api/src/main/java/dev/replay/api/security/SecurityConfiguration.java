package dev.replay.api.security;

import java.util.List;

import dev.replay.api.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Five filter chains: recorders (our script and the Datadog SDKs) write to the intake
 * with client tokens (checked by the intake itself, never a user's credentials), the
 * recorder script is served to anyone without a session, so are the bundles named by
 * their content, share links play one session to whoever holds them (each checked by its
 * page or read), and everything else needs a signed-in user (see {@link SignInSettings}
 * and {@link SsoSettings} for the ways to sign in).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self' 'unsafe-inline' http: https:", "img-src 'self' data: blob: http: https:",
			"font-src 'self' data: http: https:", "media-src 'self' data: blob: http: https:", "frame-src 'self'",
			"connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
			"frame-ancestors 'self'");

	/**
	 * Write-only paths for recorders: our native intake and the Datadog SDK intake
	 * (direct and through the SDK's {@code proxy} option).
	 */
	static final String[] INTAKE_PATHS = { "/ingest/**", "/api/v2/replay", "/api/v2/rum", "/api/v2/logs", "/intake" };

	/** The recorder script and what it may load, served to any page. */
	static final String[] RECORDER_SCRIPT_PATHS = { "/sdk/**" };

	/**
	 * The bundles named by their content, which browsers and proxies keep for a year: the
	 * player page's scripts and styles, and the app's chunks.
	 */
	static final String[] HASHED_BUNDLE_PATHS = { "/player/assets/**", "/app/chunks/**" };

	/** Paths for admins only, whatever the method. */
	static final String[] ADMIN_PATHS = { "/api/v1/applications/**", "/api/v1/client-tokens/**", "/api/v1/users/**",
			"/api/v1/audit-events/**", "/api/v1/storage/**", "/api/v1/erasures/**" };

	/**
	 * The pages and reads of share links: no sign-in, as the link in the path is the only
	 * credential, checked by each of them (api.share).
	 */
	static final String[] SHARE_LINK_PATHS = { "/s/**", "/embed/s/**" };

	/** The path whose {@code DELETE} is for admins only. */
	static final String ADMIN_DELETE_PATH = "/api/v1/sessions/*";

	@Bean
	@Order(1)
	SecurityFilterChain intakeChain(HttpSecurity http) throws Exception {
		// only what a write-only, stateless, cross-origin endpoint needs: every filter
		// here
		// runs for each upload
		http.securityMatcher(INTAKE_PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.cors((cors) -> cors.configurationSource(intakeCors()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.exceptionHandling((exceptions) -> exceptions.disable())
			.securityContext((context) -> context.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain recorderScriptChain(HttpSecurity http) throws Exception {
		// the script every recorded page loads: cacheable, as the resource handler's
		// Cache-Control and ETag say, so no cache header of ours is added
		anonymousFiles(http, RECORDER_SCRIPT_PATHS)
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain hashedBundleChain(HttpSecurity http) throws Exception {
		// kept by shared caches too; the resource handler writes the Cache-Control, which
		// the header writer then leaves alone (it still sends no-store with a 404)
		anonymousFiles(http, HASHED_BUNDLE_PATHS);
		return http.build();
	}

	// Files served alike to everyone: no session is read or created and no cookie (the
	// CSRF token's among them) is set, so none is ever stored with a file in a cache.
	private static HttpSecurity anonymousFiles(HttpSecurity http, String[] paths) throws Exception {
		return http.securityMatcher(paths)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.securityContext((context) -> context.disable());
	}

	@Bean
	@Order(4)
	SecurityFilterChain shareLinkChain(HttpSecurity http, SecurityProperties properties) throws Exception {
		// no user is ever signed in here, whatever the request carries: a cookie session,
		// HTTP Basic or a bearer token is neither read nor needed
		http.securityMatcher(SHARE_LINK_PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.securityContext((context) -> context.disable())
			// the address holds the link's secret: no other site learns it from a Referer
			.headers((headers) -> headers.frameOptions((frames) -> frames.disable())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.addHeaderWriter(
						new PageHeaders(properties.embedFrameAncestors(), properties.linkEmbedFrameAncestors())));
		return http.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain applicationChain(HttpSecurity http, ApiTokens tokens, AuditLog audit,
			SecurityProperties properties, SignInAttempts attempts, SsoProperties sso, SsoAccounts ssoAccounts)
			throws Exception {
		ProblemSecurityHandler problems = new ProblemSecurityHandler(sso.localSignIn());
		PageSignInEntryPoint pages = new PageSignInEntryPoint(problems);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/player/**", "/app/**", "/error",
					"/favicon.ico", PageSignInEntryPoint.SIGN_IN_PAGE)
			.permitAll()
			.requestMatchers(SignInSettings.CSRF_PATH, SignInOptionsController.PATH)
			.permitAll()
			.requestMatchers(ADMIN_PATHS)
			.hasRole(Role.admin.authority())
			.requestMatchers(HttpMethod.DELETE, ADMIN_DELETE_PATH)
			.hasRole(Role.admin.authority())
			.anyRequest()
			.authenticated())
			.httpBasic((basic) -> basic.realmName(ProblemSecurityHandler.REALM).authenticationEntryPoint(problems))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(pages).accessDeniedHandler(problems))
			.with(new SignInSettings(tokens, audit, problems, attempts, sso.localSignIn()), (settings) -> {
			})
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.frameOptions((frames) -> frames.disable())
				.addHeaderWriter(
						new PageHeaders(properties.embedFrameAncestors(), properties.linkEmbedFrameAncestors())));
		if (sso.enabled()) {
			http.with(new SsoSettings(sso, ssoAccounts, audit), (settings) -> {
			});
		}
		return http.build();
	}

	// spring.security observations are off (application.yml); this also leaves out the
	// wrapper that would observe each filter of each request
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static CorsConfigurationSource intakeCors() {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(List.of("*"));
		cors.setAllowedMethods(List.of(HttpMethod.POST.name(), HttpMethod.OPTIONS.name()));
		cors.setAllowedHeaders(List.of("*"));
		cors.setExposedHeaders(List.of("Retry-After"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
