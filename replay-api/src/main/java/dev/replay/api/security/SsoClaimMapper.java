package dev.replay.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads what Replay needs from the claims an OpenID provider gives about a user: the name
 * a new user gets, the role and the applications, as {@link SsoProperties} configure
 * them.
 */
class SsoClaimMapper {

	/** The longest user name the schema accepts. */
	static final int MAX_USERNAME_LENGTH = 100;

	private static final String ALL = "all";

	private final SsoProperties properties;

	SsoClaimMapper(SsoProperties properties) {
		this.properties = properties;
	}

	/**
	 * Map the claims of one sign-in.
	 * @param claims the ID token's claims merged with the user info's
	 * @return what they say about the user
	 * @throws IllegalArgumentException when the claims carry no subject
	 */
	SsoIdentity map(Map<String, Object> claims) {
		String subject = text(claims.get("sub")).orElseThrow(() -> new IllegalArgumentException("No subject claim"));
		String username = text(claims.get(this.properties.usernameClaim())).or(() -> text(claims.get("email")))
			.map(SsoClaimMapper::cleanUsername)
			.filter((name) -> !name.isEmpty())
			.orElseGet(() -> cleanUsername(subject));
		Role role = this.properties.mapsRole() ? role(claims.get(this.properties.roleClaim())) : null;
		Applications applications = this.properties.mapsApplications()
				? applications(claims.get(this.properties.applicationsClaim())) : null;
		return new SsoIdentity(subject, username, role, applications);
	}

	private Role role(@Nullable Object claim) {
		boolean byName = this.properties.adminValues().isEmpty() && this.properties.editorValues().isEmpty()
				&& this.properties.viewerValues().isEmpty();
		Role highest = null;
		for (String value : values(claim)) {
			Role role = byName ? roleNamed(value) : roleMappedFrom(value);
			if (role != null && (highest == null || role.compareTo(highest) > 0)) {
				highest = role;
			}
		}
		return (highest != null) ? highest : this.properties.defaultRole();
	}

	private @Nullable Role roleMappedFrom(String value) {
		if (this.properties.adminValues().contains(value)) {
			return Role.admin;
		}
		if (this.properties.editorValues().contains(value)) {
			return Role.editor;
		}
		if (this.properties.viewerValues().contains(value)) {
			return Role.viewer;
		}
		return null;
	}

	private static @Nullable Role roleNamed(String value) {
		String name = value.strip().toLowerCase(Locale.ROOT);
		return Stream.of(Role.values()).filter((role) -> role.name().equals(name)).findFirst().orElse(null);
	}

	private static Applications applications(@Nullable Object claim) {
		if (claim instanceof String text && ALL.equalsIgnoreCase(text.strip())) {
			return new Applications(true, List.of());
		}
		return new Applications(false, values(claim).stream().map(String::strip).distinct().toList());
	}

	private static List<String> values(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().flatMap((value) -> text(value).stream()).toList();
		}
		return text(claim).stream().toList();
	}

	private static Optional<String> text(@Nullable Object value) {
		if (value instanceof String text && !text.isBlank()) {
			return Optional.of(text);
		}
		return Optional.empty();
	}

	/**
	 * A user name as the schema takes it: no control characters (PostgreSQL refuses NUL),
	 * no surrounding blanks, at most {@value #MAX_USERNAME_LENGTH} characters.
	 * @param name the name from the provider
	 * @return the cleaned name, possibly empty
	 */
	static String cleanUsername(String name) {
		StringBuilder clean = new StringBuilder();
		name.strip().codePoints().filter((c) -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
		String stripped = clean.toString().strip();
		if (stripped.codePointCount(0, stripped.length()) <= MAX_USERNAME_LENGTH) {
			return stripped;
		}
		return stripped.substring(0, stripped.offsetByCodePoints(0, MAX_USERNAME_LENGTH));
	}

	/**
	 * What the provider says about a user.
	 *
	 * @param subject the provider's id of the user ({@code sub})
	 * @param username the name a new user gets
	 * @param role the role the role claim maps to, or {@code null} when no role claim is
	 * configured
	 * @param applications the applications the applications claim lists, or {@code null}
	 * when no applications claim is configured
	 */
	record SsoIdentity(String subject, String username, @Nullable Role role, @Nullable Applications applications) {

	}

	/**
	 * The applications a user may see according to the provider; a missing claim grants
	 * none.
	 *
	 * @param all whether the claim said {@code "all"}
	 * @param ids otherwise, the application ids it listed
	 */
	record Applications(boolean all, List<String> ids) {

	}

}
