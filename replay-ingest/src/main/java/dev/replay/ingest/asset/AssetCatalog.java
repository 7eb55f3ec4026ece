package dev.replay.ingest.asset;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.replay.core.privacy.Redaction;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredPart;
import dev.replay.ingest.storage.StoredParts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * The reads of captured assets that playback and the API make: what a session's events
 * may name by content, the list of a session's assets with their state, the bytes of one
 * asset, and how much is stored.
 */
@Repository
@NamedInterface("api")
public class AssetCatalog {

	private final JdbcClient jdbc;

	private final RecordingStorage storage;

	AssetCatalog(JdbcClient jdbc, RecordingStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/**
	 * The captured version of each URL a session references, as the session saw it.
	 * @param sessionId the session
	 * @return the SHA-256 of the content, by URL
	 */
	public Map<String, String> capturedVersions(String sessionId) {
		Map<String, String> versions = new HashMap<>();
		this.jdbc.sql("""
				select u.url, s.sha256 from session_asset s join asset_url u on u.id = s.asset_url_id
				where s.session_id = ? and s.sha256 is not null""")
			.param(sessionId)
			.query((rs, row) -> versions.put(rs.getString(1), rs.getString(2)))
			.list();
		return versions;
	}

	/**
	 * The assets a session references, captured or not.
	 * @param sessionId the session
	 * @return them in URL order
	 */
	public List<SessionAsset> list(String sessionId) {
		return list(sessionId, Redaction.NONE);
	}

	/**
	 * The assets a session references, captured or not, with the session's redaction
	 * applied to their URLs (a session indexed after its rules references only what its
	 * redacted events do).
	 * @param sessionId the session
	 * @param redaction the session's redaction
	 * @return them in URL order
	 */
	public List<SessionAsset> list(String sessionId, Redaction redaction) {
		return this.jdbc.sql("""
				select u.url, u.kind,
				       case when s.sha256 is not null then 'captured' when u.status = 'failed' then 'failed'
				            else 'pending' end as status,
				       case when s.sha256 is null and u.status = 'failed' then u.failure end as failure,
				       s.sha256, c.content_type, c.size
				from session_asset s
				join asset_url u on u.id = s.asset_url_id
				left join asset_content c on c.application_id = u.application_id and c.sha256 = s.sha256
				where s.session_id = ?
				order by u.url""")
			.param(sessionId)
			.query((rs, row) -> new SessionAsset(redaction.apply(rs.getString("url")), rs.getString("kind"),
					rs.getString("status"), redaction.apply(rs.getString("failure")), rs.getString("sha256"),
					rs.getString("content_type"), rs.getObject("size", Integer.class)))
			.list();
	}

	/**
	 * The bytes of a captured asset of an application in the scope.
	 * @param sha256 the SHA-256 of the bytes, in lower-case hex
	 * @param scope the applications whose assets may be read
	 * @return the asset, if captured by one of them
	 */
	public Optional<AssetBytes> find(String sha256, ApplicationScope scope) {
		return this.jdbc.sql("""
				select c.application_id, c.content_type, c.body, o.key, 0 as object_offset, c.size, c.checksum,
				       (select u.url from asset_url u
				        where u.application_id = c.application_id and u.sha256 = c.sha256 limit 1) as url
				from asset_content c left join stored_object o on o.id = c.object_id
				where c.sha256 = :sha256
				  and (cast(:apps as uuid[]) is null or c.application_id = any(cast(:apps as uuid[])))
				limit 1""")
			.param("sha256", sha256)
			.param("apps", scope.sqlArray())
			.query((rs, row) -> new Found(rs.getObject("application_id", UUID.class), rs.getString("content_type"),
					rs.getString("url"), StoredParts.of(rs, "body", "key", "object_offset", "size", "checksum")))
			.optional()
			.map((found) -> new AssetBytes(found.applicationId(), found.contentType(), found.url(),
					this.storage.read(found.part())));
	}

	/**
	 * The captured versions of some URLs of an application, for the references of a
	 * captured stylesheet.
	 * @param applicationId the application
	 * @param urls the URLs
	 * @return the SHA-256 of the latest content of each URL that was captured
	 */
	public Map<String, String> captured(UUID applicationId, Collection<String> urls) {
		Map<String, String> versions = new HashMap<>();
		if (urls.isEmpty()) {
			return versions;
		}
		this.jdbc.sql("""
				select url, sha256 from asset_url
				where application_id = ? and url = any(?) and sha256 is not null""")
			.params(applicationId, urls.toArray(String[]::new))
			.query((rs, row) -> versions.put(rs.getString(1), rs.getString(2)))
			.list();
		return versions;
	}

	/**
	 * The captured assets stored, for the storage figures.
	 * @return their count and bytes
	 */
	public AssetTotals totals() {
		return this.jdbc.sql("select count(*), coalesce(sum(size), 0) from asset_content")
			.query((rs, row) -> new AssetTotals(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * An asset that a session references.
	 *
	 * @param url the URL in the recording
	 * @param kind {@code stylesheet}, {@code font} or {@code image}
	 * @param status {@code captured}, {@code pending} or {@code failed}
	 * @param failure why it could not be captured, when it failed
	 * @param sha256 the version the session plays with, when captured
	 * @param contentType its content type, when captured
	 * @param size its size in bytes, when captured
	 */
	public record SessionAsset(String url, String kind, String status, @Nullable String failure,
			@Nullable String sha256, @Nullable String contentType, @Nullable Integer size) {

	}

	/**
	 * The bytes of a captured asset.
	 *
	 * @param applicationId the application that captured it
	 * @param contentType its content type
	 * @param url a URL it was captured from, against which its own references resolve
	 * @param bytes the bytes
	 */
	public record AssetBytes(UUID applicationId, String contentType, @Nullable String url, byte[] bytes) {

	}

	private record Found(UUID applicationId, String contentType, @Nullable String url, StoredPart part) {

	}

}
