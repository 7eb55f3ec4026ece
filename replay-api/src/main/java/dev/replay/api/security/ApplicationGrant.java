package dev.replay.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.replay.ingest.application.ApplicationScope;
import org.jspecify.annotations.Nullable;

/**
 * The applications whose sessions a user may see: {@code "all"} in JSON for every
 * application, present and future, or the list of application ids.
 *
 * @param all whether every application is granted
 * @param applicationIds the applications granted when not all, in id order; empty when
 * all
 */
record ApplicationGrant(boolean all, List<UUID> applicationIds) {

	/** The JSON value of a grant of every application. */
	public static final String ALL_VALUE = "all";

	/** Every application. */
	public static final ApplicationGrant ALL = new ApplicationGrant(true, List.of());

	public ApplicationGrant {
		applicationIds = all ? List.of() : applicationIds.stream().distinct().sorted().toList();
	}

	/**
	 * Only some applications.
	 * @param applicationIds the applications; none when empty
	 * @return the grant
	 */
	static ApplicationGrant of(Collection<UUID> applicationIds) {
		return new ApplicationGrant(false, List.copyOf(applicationIds));
	}

	/**
	 * Read a grant from its JSON value.
	 * @param value {@code "all"} or a list of application ids
	 * @return the grant
	 * @throws IllegalArgumentException for any other value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ApplicationGrant fromJson(@Nullable Object value) {
		if (ALL_VALUE.equals(value)) {
			return ALL;
		}
		if (value instanceof Collection<?> ids) {
			List<UUID> parsed = new ArrayList<>();
			for (Object id : ids) {
				if (!(id instanceof String text)) {
					throw invalid();
				}
				try {
					parsed.add(UUID.fromString(text));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("applications: " + text + " is not an application id.");
				}
			}
			return of(parsed);
		}
		throw invalid();
	}

	private static IllegalArgumentException invalid() {
		return new IllegalArgumentException("applications must be \"all\" or a list of application ids.");
	}

	/**
	 * The JSON value: {@code "all"} or the list of application ids.
	 * @return the value
	 */
	@JsonValue
	Object toJson() {
		return this.all ? ALL_VALUE : this.applicationIds;
	}

	/**
	 * The sessions this grant lets see.
	 * @return the scope for session queries
	 */
	ApplicationScope scope() {
		return this.all ? ApplicationScope.ALL : ApplicationScope.of(this.applicationIds);
	}

}
