package dev.replay.ingest.asset;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.replay.core.asset.AssetReference;
import dev.replay.core.asset.AssetScanner;
import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredObjects;
import dev.replay.ingest.storage.StoredPart;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The capture job's writes: which URLs are due (each claimed for a while, so that
 * instances side by side fetch each once and a crashed one leaves it to the others), and
 * what fetching one gave.
 */
@Repository
class AssetResults {

	// how long a claimed URL is left to the instance that claimed it
	private static final Duration CLAIM = Duration.ofMinutes(2);

	// at most this many references of one stylesheet are followed
	private static final int MAX_STYLESHEET_REFERENCES = 500;

	private final JdbcClient jdbc;

	private final RecordingStorage storage;

	private final StoredObjects objects;

	AssetResults(JdbcClient jdbc, RecordingStorage storage, StoredObjects objects) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.objects = objects;
	}

	/**
	 * Claim URLs that are due, oldest first.
	 * @param limit the most to claim
	 * @return the claimed URLs, each with the origins its application allows
	 */
	@Transactional
	List<DueAsset> claimDue(int limit) {
		return this.jdbc.sql("""
				update asset_url u set due_at = now() + make_interval(secs => :claim)
				from (select id from asset_url where due_at <= now() order by due_at limit :limit
				      for update skip locked) due, application a
				where u.id = due.id and a.id = u.application_id
				returning u.id, u.application_id, u.url, u.attempts, u.status,
				          coalesce(a.asset_origins, array(select origin from application_page_origin p
				                                          where p.application_id = u.application_id))""")
			.param("claim", CLAIM.toSeconds())
			.param("limit", limit)
			.query((rs, row) -> new DueAsset(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
					"captured".equals(rs.getString(5)), List.of((String[]) rs.getArray(6).getArray())))
			.list();
	}

	/**
	 * Keep what was fetched: its bytes once per application and content, the URL's new
	 * version, and that version for the sessions that wait for one.
	 * @param asset the URL
	 * @param contentType the content type
	 * @param bytes the bytes
	 * @param sha256 their SHA-256
	 */
	@Transactional
	void captured(DueAsset asset, String contentType, byte[] bytes, String sha256) {
		boolean known = this.jdbc
			.sql("select exists (select 1 from asset_content where application_id = ? and sha256 = ?)")
			.params(asset.applicationId(), sha256)
			.query(Boolean.class)
			.single();
		if (!known) {
			StoredPart part = this.storage.store(ObjectKind.ASSET, List.of(bytes)).get(0);
			Long objectId = part.isInRow() ? null
					: this.objects.register(ObjectKind.ASSET, List.of(part)).get(part.objectKey());
			this.jdbc.sql("""
					insert into asset_content (application_id, sha256, content_type, size, body, object_id, checksum)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict do nothing""")
				.params(asset.applicationId(), sha256, contentType, bytes.length, part.inline(), objectId,
						part.isInRow() ? null : part.checksum())
				.update();
		}
		this.jdbc.sql("""
				update asset_url set status = 'captured', sha256 = ?, failure = null, fetched_at = now(), due_at = null,
				    attempts = 0
				where id = ?""").params(sha256, asset.id()).update();
		giveWaitingSessions(asset.id(), sha256);
		if (contentType.equals("text/css")) {
			referencedByStylesheet(asset, new String(bytes, StandardCharsets.UTF_8));
		}
	}

	// the fonts, images and imported stylesheets of a stylesheet are assets of every
	// session that references the stylesheet
	private void referencedByStylesheet(DueAsset stylesheet, String css) {
		AssetScanner scanner = new AssetScanner();
		scanner.scanStylesheet(css, URI.create(stylesheet.url()));
		Map<String, String> kinds = new TreeMap<>();
		for (AssetReference reference : scanner.references()) {
			if (kinds.size() < MAX_STYLESHEET_REFERENCES) {
				kinds.putIfAbsent(reference.url(), reference.kind().name().toLowerCase(Locale.ROOT));
			}
		}
		if (kinds.isEmpty()) {
			return;
		}
		String[] urls = kinds.keySet().toArray(String[]::new);
		this.jdbc.sql("""
				insert into asset_url as u (application_id, url, kind, due_at)
				select :application, r.url, r.kind, now()
				from unnest(cast(:urls as text[]), cast(:kinds as text[])) as r (url, kind)
				on conflict (application_id, url) do update set last_seen_at = now()""")
			.param("application", stylesheet.applicationId())
			.param("urls", urls)
			.param("kinds", kinds.values().toArray(String[]::new))
			.update();
		this.jdbc.sql("delete from asset_reference where asset_url_id = ?").param(stylesheet.id()).update();
		this.jdbc.sql("""
				insert into asset_reference (asset_url_id, referenced_url_id)
				select :stylesheet, u.id from asset_url u
				where u.application_id = :application and u.url = any(cast(:urls as text[])) and u.id <> :stylesheet
				on conflict do nothing""")
			.param("stylesheet", stylesheet.id())
			.param("application", stylesheet.applicationId())
			.param("urls", urls)
			.update();
		this.jdbc.sql("""
				insert into session_asset (session_id, asset_url_id, sha256)
				select s.session_id, u.id, case when u.status = 'captured' and u.due_at is null then u.sha256 end
				from session_asset s
				join asset_reference r on r.asset_url_id = s.asset_url_id
				join asset_url u on u.id = r.referenced_url_id
				where s.asset_url_id = :stylesheet
				on conflict do nothing""").param("stylesheet", stylesheet.id()).update();
	}

	/**
	 * Record that a URL cannot be captured, or cannot be now.
	 * @param asset the URL
	 * @param reason why, for the asset list
	 * @param retryAfter when to try again, or {@code null} if not
	 */
	@Transactional
	void failed(DueAsset asset, String reason, @Nullable Duration retryAfter) {
		boolean retry = retryAfter != null;
		this.jdbc.sql("""
				update asset_url set failure = ?, attempts = attempts + 1,
				    status = case when status = 'captured' then 'captured' when ? then 'pending' else 'failed' end,
				    due_at = case when ? then now() + make_interval(secs => ?) end
				where id = ?""").params(reason, retry, retry, retry ? retryAfter.toSeconds() : 0, asset.id()).update();
		if (!retry && asset.wasCaptured()) {
			// a refresh that failed for good: the sessions that waited for it play with
			// the
			// version captured before
			this.jdbc.sql("""
					update session_asset s set sha256 = u.sha256 from asset_url u
					where u.id = ? and s.asset_url_id = u.id and s.sha256 is null""").param(asset.id()).update();
		}
	}

	/**
	 * Leave a URL for later without counting an attempt, as when its origin was asked too
	 * often.
	 * @param asset the URL
	 * @param after how long to wait
	 */
	void postpone(DueAsset asset, Duration after) {
		this.jdbc.sql("update asset_url set due_at = now() + make_interval(secs => ?) where id = ?")
			.params(Math.max(1, after.toMillis() / 1000.0), asset.id())
			.update();
	}

	private void giveWaitingSessions(long assetUrlId, String sha256) {
		this.jdbc.sql("update session_asset set sha256 = ? where asset_url_id = ? and sha256 is null")
			.params(sha256, assetUrlId)
			.update();
	}

	/**
	 * A URL due for capture.
	 *
	 * @param id its row
	 * @param applicationId the application whose recordings referenced it
	 * @param url the URL
	 * @param attempts how many fetches failed before
	 * @param wasCaptured whether an earlier version was captured
	 * @param allowedOrigins the origins the application allows assets from
	 */
	record DueAsset(long id, UUID applicationId, String url, int attempts, boolean wasCaptured,
			List<String> allowedOrigins) {

	}

}
