package dev.replay.api.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.replay.api.security.SsoClaimMapper.Applications;
import dev.replay.api.security.SsoClaimMapper.SsoIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SsoClaimMapperTests {

	@Test
	void namesTheUserByThePreferredUsernameThenTheEmailThenTheSubject() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of()));

		assertThat(mapper.map(Map.of("sub", "s1", "preferred_username", "ann", "email", "ann@example.com")).username())
			.isEqualTo("ann");
		assertThat(mapper.map(Map.of("sub", "s1", "email", "ann@example.com")).username()).isEqualTo("ann@example.com");
		assertThat(mapper.map(Map.of("sub", "s1", "preferred_username", " ")).username()).isEqualTo("s1");
	}

	@Test
	void takesTheNameFromTheConfiguredClaim() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of("username-claim", "upn")));

		assertThat(mapper.map(Map.of("sub", "s1", "upn", "ann@corp", "preferred_username", "ann")).username())
			.isEqualTo("ann@corp");
	}

	@Test
	void cleansTheNameForTheSchema() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of()));

		assertThat(mapper.map(Map.of("sub", "s1", "preferred_username", " a\u0000n\nn ")).username()).isEqualTo("ann");
		assertThat(mapper.map(Map.of("sub", "s1", "preferred_username", "x".repeat(150))).username()).hasSize(100);
		assertThat(mapper.map(Map.of("sub", "s1", "preferred_username", "\uD83D\uDE00".repeat(120))).username())
			.hasSize(200);
	}

	@Test
	void refusesClaimsWithoutSubject() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of()));

		assertThatIllegalArgumentException().isThrownBy(() -> mapper.map(Map.of("preferred_username", "ann")));
	}

	@Test
	void leavesTheRoleAloneWithoutRoleClaim() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of()));

		assertThat(mapper.map(Map.of("sub", "s1", "role", "admin")).role()).isNull();
	}

	@Test
	void readsRoleNamesWhenNoValuesAreMapped() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of("role-claim", "replay_role")));

		assertThat(mapper.map(Map.of("sub", "s1", "replay_role", "Editor")).role()).isEqualTo(Role.editor);
		assertThat(mapper.map(Map.of("sub", "s1", "replay_role", List.of("viewer", "admin"))).role())
			.isEqualTo(Role.admin);
		assertThat(mapper.map(Map.of("sub", "s1", "replay_role", "owner")).role()).isEqualTo(Role.viewer);
		assertThat(mapper.map(Map.of("sub", "s1")).role()).isEqualTo(Role.viewer);
	}

	@Test
	void mapsGroupsToTheHighestRole() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of("role-claim", "groups", "admin-values",
				"ops,replay-admins", "editor-values", "replay-editors", "default-role", "editor")));

		assertThat(mapper.map(Map.of("sub", "s1", "groups", List.of("staff", "replay-editors", "ops"))).role())
			.isEqualTo(Role.admin);
		assertThat(mapper.map(Map.of("sub", "s1", "groups", List.of("staff"))).role()).isEqualTo(Role.editor);
		assertThat(mapper.map(Map.of("sub", "s1", "groups", "admin")).role()).as("names are not values here")
			.isEqualTo(Role.editor);
	}

	@Test
	void readsTheApplicationsClaim() {
		SsoClaimMapper mapper = new SsoClaimMapper(properties(Map.of("applications-claim", "apps")));

		assertThat(mapper.map(Map.of("sub", "s1", "apps", "all")).applications())
			.isEqualTo(new Applications(true, List.of()));
		assertThat(mapper.map(Map.of("sub", "s1", "apps", List.of("shop", "blog", "shop"))).applications())
			.isEqualTo(new Applications(false, List.of("shop", "blog")));
		assertThat(mapper.map(Map.of("sub", "s1")).applications()).isEqualTo(new Applications(false, List.of()));
		SsoIdentity withoutClaim = new SsoClaimMapper(properties(Map.of())).map(Map.of("sub", "s1", "apps", "all"));
		assertThat(withoutClaim.applications()).isNull();
	}

	@Test
	void bindsTheDefaults() {
		SsoProperties properties = properties(Map.of());

		assertThat(properties.scopes()).containsExactly("openid", "profile", "email");
		assertThat(properties.displayName()).isEqualTo("SSO");
		assertThat(properties.defaultRole()).isEqualTo(Role.viewer);
		assertThat(properties.localSignIn()).isTrue();
		assertThat(properties.enabled()).isTrue();
		SsoProperties off = new Binder(new MapConfigurationPropertySource(Map.of("replay.sso.issuer-uri", "")))
			.bindOrCreate("replay.sso", SsoProperties.class);
		assertThat(off.enabled()).isFalse();
	}

	@Test
	void refusesToTurnOffPasswordsWithoutProvider() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("replay.sso.local-sign-in", "false")));

		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> binder.bindOrCreate("replay.sso", SsoProperties.class))
			.withStackTraceContaining("needs replay.sso.issuer-uri");
	}

	private static SsoProperties properties(Map<String, String> values) {
		Map<String, String> all = new HashMap<>();
		all.put("replay.sso.issuer-uri", "https://id.example.com");
		all.put("replay.sso.client-id", "replay");
		values.forEach((name, value) -> all.put("replay.sso." + name, value));
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("replay.sso", SsoProperties.class);
	}

}
