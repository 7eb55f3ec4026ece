package dev.replay.ingest.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Which assets the sessions referenced: the indexer records the URLs it found in a
 * session's events, in its transaction, and the capture job fetches those that are due. A
 * session keeps the version of each asset it saw: the one captured within
 * {@code replay.assets.refresh-after} before it referenced the URL, or else the next one
 * captured.
 */
@Repository
@NamedInterface("api")
public class SessionAssets {

	private final JdbcClient jdbc;

	private final AssetCaptureProperties properties;

	SessionAssets(JdbcClient jdbc, AssetCaptureProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Whether assets are captured at all; when they are not, the indexer need not look
	 * for them.
	 * @return the value of {@code replay.assets.enabled}
	 */
	public boolean capturing() {
		return this.properties.enabled();
	}

	/**
	 * Record the assets a session references, and the origins of its pages (from which
	 * its application's assets may be fetched unless it names its own), in the caller's
	 * transaction.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param references the URLs its events reference
	 */
	public void record(String sessionId, UUID applicationId, Collection<Reference> references) {
		if (!this.properties.enabled()) {
			return;
		}
		this.jdbc.sql("""
				insert into application_page_origin (application_id, origin)
				select distinct :application, lower(substring(url from '^https?://[^/?#]+'))
				from (select url from session_view where session_id = :session
				      union select first_url from replay_session where id = :session) pages
				where url ~* '^https?://[^/?#]+'
				on conflict do nothing""").param("application", applicationId).param("session", sessionId).update();
		if (references.isEmpty()) {
			return;
		}
		// in URL order, as every transaction that upserts them, so that two indexings
		// never wait for each other's rows in turn
		Map<String, String> kinds = new TreeMap<>();
		references.forEach((reference) -> kinds.putIfAbsent(reference.url(), reference.kind()));
		List<Seen> seen = this.jdbc.sql("""
				insert into asset_url as u (application_id, url, kind, due_at)
				select :application, r.url, r.kind, now()
				from unnest(cast(:urls as text[]), cast(:kinds as text[])) as r (url, kind)
				on conflict (application_id, url) do update set last_seen_at = now(),
				    due_at = case when u.status = 'captured' and u.fetched_at < now() - make_interval(secs => :refresh)
				                  then coalesce(u.due_at, now()) else u.due_at end
				returning u.id, case when u.status = 'captured' and u.due_at is null then u.sha256 end""")
			.param("application", applicationId)
			.param("urls", kinds.keySet().toArray(String[]::new))
			.param("kinds", kinds.values().toArray(String[]::new))
			.param("refresh", this.properties.refreshAfter().toMillis() / 1000.0)
			.query((rs, row) -> new Seen(rs.getLong(1), rs.getString(2)))
			.list();
		this.jdbc
			.sql("""
					insert into session_asset (session_id, asset_url_id, sha256)
					select :session, s.id, s.sha256 from unnest(cast(:ids as bigint[]), cast(:shas as text[])) as s (id, sha256)
					on conflict do nothing""")
			.param("session", sessionId)
			.param("ids", seen.stream().map(Seen::id).toArray(Long[]::new))
			.param("shas", seen.stream().map(Seen::sha256).toArray(String[]::new))
			.update();
		// and what the captured stylesheets among them reference, imports of imports too
		this.jdbc.sql("""
				with recursive tree (id) as (
				    select unnest(cast(:ids as bigint[]))
				    union
				    select r.referenced_url_id from asset_reference r join tree t on r.asset_url_id = t.id)
				insert into session_asset (session_id, asset_url_id, sha256)
				select :session, u.id, case when u.status = 'captured' and u.due_at is null then u.sha256 end
				from tree join asset_url u on u.id = tree.id
				on conflict do nothing""")
			.param("session", sessionId)
			.param("ids", seen.stream().map(Seen::id).toArray(Long[]::new))
			.update();
	}

	/**
	 * Forget which assets a session references, before they are recorded again from its
	 * redacted events, in the caller's transaction.
	 * @param sessionId the session
	 */
	public void forget(String sessionId) {
		this.jdbc.sql("delete from session_asset where session_id = ?").param(sessionId).update();
	}

	/**
	 * A URL that a session's events reference.
	 *
	 * @param url the absolute http(s) URL
	 * @param kind {@code stylesheet}, {@code font} or {@code image}
	 */
	public record Reference(String url, String kind) {

	}

	private record Seen(long id, @Nullable String sha256) {

	}

}
