package dev.replay.ingest.asset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes what no stored session refers to any more, once retention or a deletion took
 * the last one: the URLs, then the captured bytes (whose objects the storage's sweep
 * deletes in turn). An hour of grace leaves alone what an indexing is about to refer to.
 */
@Repository
class AssetCleanup {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	AssetCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Delete a batch of URLs and contents that no session refers to.
	 * @return how many rows were deleted
	 */
	int deleteUnreferenced() {
		int urls = this.jdbc.sql("""
				delete from asset_url where id in (
				  select u.id from asset_url u
				  where u.last_seen_at < now() - interval '1 hour'
				    and not exists (select 1 from session_asset s where s.asset_url_id = u.id)
				  limit :batch)""").param("batch", BATCH).update();
		int contents = this.jdbc.sql("""
				delete from asset_content where (application_id, sha256) in (
				  select c.application_id, c.sha256 from asset_content c
				  where c.created_at < now() - interval '1 hour'
				    and not exists (select 1 from asset_url u
				                    where u.application_id = c.application_id and u.sha256 = c.sha256)
				    and not exists (select 1 from session_asset s join asset_url u on u.id = s.asset_url_id
				                    where u.application_id = c.application_id and s.sha256 = c.sha256)
				  limit :batch)""").param("batch", BATCH).update();
		return urls + contents;
	}

}
