package dev.replay.ingest.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the objects of the object store that nothing will read again: registered
 * objects that no row points to any more (their sessions were deleted or compacted, their
 * keyframes rebuilt), and objects that were uploaded but never registered because the
 * transaction after the upload failed or the instance died. Both only once older than the
 * grace period, and one instance at a time.
 */
@Component
class ObjectSweep {

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ObjectSweep(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Delete the registered objects that no row points to.
	 * @param store the object store
	 * @param grace how old they must be
	 * @return how many were deleted, or -1 if another instance is sweeping
	 */
	int deleteUnreferenced(ObjectStore store, Duration grace) {
		Integer deleted = this.transaction.execute((status) -> {
			if (!lock()) {
				return -1;
			}
			int count = 0;
			while (true) {
				List<Unreferenced> objects = this.jdbc.sql("""
						select id, key from stored_object o
						where coalesce(released_at, created_at) < now() - make_interval(secs => :grace)
						  and not exists (select 1 from segment s where s.object_id = o.id)
						  and not exists (select 1 from keyframe k where k.object_id = o.id)
						  and not exists (select 1 from replay_resource r where r.object_id = o.id)
						  and not exists (select 1 from asset_content a where a.object_id = o.id)
						limit :limit""")
					.param("grace", grace.toMillis() / 1000.0)
					.param("limit", BATCH)
					.query(Unreferenced.class)
					.list();
				if (objects.isEmpty()) {
					return count;
				}
				// the objects first: a row left after a failure is deleted on the next
				// pass
				store.delete(objects.stream().map(Unreferenced::key).toList());
				this.jdbc.sql("delete from stored_object where id = any(?)")
					.param(objects.stream().map(Unreferenced::id).toArray(Long[]::new))
					.update();
				count += objects.size();
				if (objects.size() < BATCH) {
					return count;
				}
			}
		});
		return (deleted != null) ? deleted : 0;
	}

	/**
	 * Delete the objects of the bucket that no {@code stored_object} row names.
	 * @param store the object store
	 * @param grace how old they must be
	 * @return how many were deleted, or -1 if another instance is sweeping
	 */
	int deleteOrphans(ObjectStore store, Duration grace) {
		Integer deleted = this.transaction.execute((status) -> {
			if (!lock()) {
				return -1;
			}
			Instant before = Instant.now().minus(grace);
			List<String> candidates = new ArrayList<>();
			for (ObjectKind kind : ObjectKind.values()) {
				store.list(kind.prefix() + "/", (object) -> {
					if (object.lastModified().isBefore(before)) {
						candidates.add(object.key());
					}
				});
			}
			List<String> orphans = new ArrayList<>();
			for (int from = 0; from < candidates.size(); from += BATCH) {
				List<String> keys = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
				Set<String> known = new HashSet<>(this.jdbc.sql("select key from stored_object where key = any(?)")
					.param(keys.toArray(String[]::new))
					.query(String.class)
					.list());
				keys.stream().filter((key) -> !known.contains(key)).forEach(orphans::add);
			}
			store.delete(orphans);
			return orphans.size();
		});
		return (deleted != null) ? deleted : 0;
	}

	private boolean lock() {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('replay.storage.sweep', 0))")
			.query(Boolean.class)
			.single();
	}

	private record Unreferenced(long id, String key) {

	}

}
