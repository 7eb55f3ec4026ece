package dev.replay.ingest.application;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The applications whose sessions a query may see: all of them, or a set, possibly empty.
 * Every read of sessions takes one, so that a user's grant is part of the SQL that finds
 * the sessions.
 */
@NamedInterface("api")
public final class ApplicationScope {

	/** Every application, present and future. */
	public static final ApplicationScope ALL = new ApplicationScope(null);

	private final @Nullable Set<UUID> applicationIds;

	private ApplicationScope(@Nullable Set<UUID> applicationIds) {
		this.applicationIds = applicationIds;
	}

	/**
	 * Only these applications.
	 * @param applicationIds the applications; none when empty
	 * @return the scope
	 */
	public static ApplicationScope of(Collection<UUID> applicationIds) {
		return new ApplicationScope(Set.copyOf(applicationIds));
	}

	/**
	 * Whether the scope takes every application.
	 * @return {@code true} for {@link #ALL}
	 */
	public boolean isAll() {
		return this.applicationIds == null;
	}

	/**
	 * Whether the scope takes an application.
	 * @param applicationId the application
	 * @return whether its sessions may be seen
	 */
	public boolean includes(UUID applicationId) {
		return this.applicationIds == null || this.applicationIds.contains(applicationId);
	}

	/**
	 * The applications as a PostgreSQL array literal for {@code cast(:apps as uuid[])},
	 * or {@code null} for every application.
	 * @return the literal, {@code {}} for none
	 */
	public @Nullable String sqlArray() {
		if (this.applicationIds == null) {
			return null;
		}
		return new TreeSet<>(this.applicationIds).stream()
			.map(UUID::toString)
			.collect(Collectors.joining(",", "{", "}"));
	}

	@Override
	public String toString() {
		return (this.applicationIds != null) ? "ApplicationScope" + this.applicationIds : "ApplicationScope[all]";
	}

}
