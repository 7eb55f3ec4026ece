package dev.replay.api.security;

import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * What a user may do: each role includes the ones before it.
 */
@NamedInterface("api")
public enum Role {

	/** Finds and watches recordings. */
	viewer,

	/** Also manages playlists. */
	editor,

	/** Also manages users, applications, deletion and the audit trail. */
	admin;

	/**
	 * The Spring Security role name.
	 * @return for example {@code ADMIN}
	 */
	public String authority() {
		return name().toUpperCase(Locale.ROOT);
	}

}
