package dev.replay.ingest.asset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The origins an application's assets may be fetched from: its own list when an admin set
 * one, otherwise the origins of its recorded pages. A component rather than a repository:
 * the persistence exception translation of a repository would turn the
 * {@link IllegalArgumentException} of an invalid origin into an
 * {@code InvalidDataAccessApiUsageException}, which callers do not expect (JdbcClient
 * translates its SQL errors itself).
 */
@Component
@NamedInterface("api")
public class AssetOrigins {

	/** The most origins an application may list. */
	public static final int MAX_ORIGINS = 100;

	private final JdbcClient jdbc;

	AssetOrigins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An application's origins.
	 * @param applicationId the application
	 * @return its list, if it has one, and the origins of its recorded pages
	 * @throws ApplicationNotFoundException if there is no such application
	 */
	public Allowed find(UUID applicationId) {
		List<String[]> listed = this.jdbc.sql("select asset_origins from application where id = ?")
			.param(applicationId)
			.query((rs, row) -> (rs.getArray(1) != null) ? (String[]) rs.getArray(1).getArray() : new String[] { null })
			.list();
		if (listed.isEmpty()) {
			throw new ApplicationNotFoundException(applicationId);
		}
		String[] own = listed.get(0);
		List<String> pages = this.jdbc
			.sql("select origin from application_page_origin where application_id = ? order by origin")
			.param(applicationId)
			.query(String.class)
			.list();
		boolean hasList = own.length != 1 || own[0] != null;
		return new Allowed(hasList ? List.of(own) : null, pages);
	}

	/**
	 * Set or clear an application's list.
	 * @param applicationId the application
	 * @param origins the origins, each {@code scheme://host[:port]}; {@code null} to go
	 * back to the origins of its recorded pages
	 * @return the application's origins now
	 * @throws IllegalArgumentException if an origin is not one
	 * @throws ApplicationNotFoundException if there is no such application
	 */
	public Allowed change(UUID applicationId, @Nullable List<String> origins) {
		String[] normalised = null;
		if (origins != null) {
			Set<String> distinct = new LinkedHashSet<>();
			for (String origin : origins) {
				distinct.add(AssetOrigin.of(origin).toString());
			}
			normalised = new ArrayList<>(distinct).toArray(String[]::new);
		}
		int changed = this.jdbc.sql("update application set asset_origins = ? where id = ?")
			.params(normalised, applicationId)
			.update();
		if (changed == 0) {
			throw new ApplicationNotFoundException(applicationId);
		}
		return find(applicationId);
	}

	/**
	 * Where an application's assets may come from.
	 *
	 * @param listed the application's own list, or {@code null} when it has none
	 * @param pageOrigins the origins of its recorded pages, which apply without a list
	 */
	public record Allowed(@Nullable List<String> listed, List<String> pageOrigins) {

		/**
		 * The origins that apply.
		 * @return the list, or the page origins without one
		 */
		public List<String> effective() {
			return (this.listed != null) ? this.listed : this.pageOrigins;
		}

	}

}
