package dev.replay;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider (Spring Authorization Server) in this JVM, on a random
 * port of {@code 127.0.0.1}, with its own form login: the single sign-on tests sign in
 * there as a browser would. Replay is reached as {@code localhost}, so the two never
 * share a cookie. Its users and their claims can change between sign-ins.
 */
public final class OpenIdProvider {

	/** The client id Replay is registered under. */
	public static final String CLIENT_ID = "replay";

	/** Replay's client secret. */
	public static final String CLIENT_SECRET = "replay-client-secret";

	/** The password of every user of the provider. */
	public static final String PASSWORD = "provider-password";

	private static OpenIdProvider shared;

	private final ConfigurableApplicationContext context;

	private final String issuer;

	private OpenIdProvider() {
		this.context = new SpringApplicationBuilder(ProviderConfiguration.class).web(WebApplicationType.SERVLET)
			.run("--spring.config.name=openid-provider", "--server.port=0", "--server.address=127.0.0.1",
					"--spring.main.banner-mode=off", "--server.servlet.session.cookie.name=PROVIDER_SESSION",
					"--logging.level.org.springframework.security=INFO");
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.issuer = "http://127.0.0.1:" + port;
	}

	/**
	 * The provider of this test run, started the first time it is asked for and stopped
	 * when the JVM ends.
	 * @return the provider
	 */
	public static synchronized OpenIdProvider shared() {
		if (shared == null) {
			shared = new OpenIdProvider();
			Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
		}
		return shared;
	}

	/**
	 * The provider's issuer.
	 * @return for example {@code http://127.0.0.1:41234}
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * Create a user with a unique login name.
	 * @param claims the claims the provider adds to the user's ID token, for example
	 * {@code preferred_username} and {@code groups}
	 * @return the name they sign in with at the provider, which is also their {@code sub}
	 */
	public String createUser(Map<String, Object> claims) {
		String login = "person-" + UUID.randomUUID().toString().substring(0, 8);
		this.context.getBean(InMemoryUserDetailsManager.class)
			.createUser(User.withUsername(login).password("{noop}" + PASSWORD).roles("USER").build());
		setClaims(login, claims);
		return login;
	}

	/**
	 * Change what the provider says about a user from their next sign-in on.
	 * @param login the user's login name
	 * @param claims the claims of their next ID tokens
	 */
	public void setClaims(String login, Map<String, Object> claims) {
		this.context.getBean(ProviderConfiguration.class).claims.put(login, Map.copyOf(claims));
	}

	/**
	 * Allow Replay, listening on the given port, to receive the provider's answers.
	 * @param replayPort Replay's port
	 */
	public void allowRedirectsTo(int replayPort) {
		InMemoryRegisteredClientRepository clients = this.context.getBean(InMemoryRegisteredClientRepository.class);
		RegisteredClient client = clients.findByClientId(CLIENT_ID);
		String redirect = "http://localhost:" + replayPort + "/login/oauth2/code/sso";
		if (!client.getRedirectUris().contains(redirect)) {
			clients.save(RegisteredClient.from(client).redirectUri(redirect).build());
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class })
	static class ProviderConfiguration {

		final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();

		@Bean
		@Order(1)
		SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
			http.securityMatcher(server.getEndpointsMatcher())
				.with(server, (configurer) -> configurer.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				// people who are not signed in at the provider get its sign-in form
				.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				// the user info endpoint takes the access tokens this provider issued
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager();
		}

		@Bean
		InMemoryRegisteredClientRepository clients() {
			RegisteredClient replay = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("http://localhost/login/oauth2/code/sso")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build();
			return new InMemoryRegisteredClientRepository(replay);
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
			return (context) -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					Map<String, Object> user = this.claims.getOrDefault(context.getPrincipal().getName(), Map.of());
					context.getClaims().claims((claims) -> claims.putAll(user));
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
