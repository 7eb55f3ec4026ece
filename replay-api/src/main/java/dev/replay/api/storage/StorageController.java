package dev.replay.api.storage;

import java.util.Locale;

import dev.replay.ingest.segment.SessionCompaction;
import dev.replay.ingest.segment.StorageProgress;
import dev.replay.ingest.storage.RecordingStorage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports where the recorded bytes are, so that an admin can follow a move from
 * PostgreSQL to the object store.
 */
@RestController
@RequestMapping("/api/v1/storage")
@Tag(name = "Storage")
class StorageController {

	private final RecordingStorage storage;

	private final SessionCompaction compaction;

	StorageController(RecordingStorage storage, SessionCompaction compaction) {
		this.storage = storage;
		this.compaction = compaction;
	}

	@GetMapping
	@Operation(operationId = "getStorage", summary = "Where recorded bytes are stored",
			description = "Admin only. The storage kind (postgres or s3), how many segments and bytes are still in "
					+ "PostgreSQL rows and how many in the object store, and how many sessions wait to be "
					+ "rewritten into objects of their own. With s3, the first two reach zero once an "
					+ "installation that stored its bytes in PostgreSQL has moved them.")
	StorageResponse get() {
		StorageProgress progress = this.compaction.progress();
		return new StorageResponse(this.storage.kind().name().toLowerCase(Locale.ROOT), progress.sessionsWaiting(),
				progress.segmentsInRows(), progress.bytesInRows(), progress.segmentsInObjects(),
				progress.bytesInObjects(), progress.objects());
	}

	/**
	 * Where recorded bytes are.
	 *
	 * @param kind {@code postgres} or {@code s3}
	 * @param sessionsWaiting sessions whose segments wait to be rewritten into an object
	 * @param segmentsInRows segments whose bytes are in PostgreSQL
	 * @param bytesInRows their bytes
	 * @param segmentsInObjects segments whose bytes are in the object store
	 * @param bytesInObjects their bytes
	 * @param objects objects registered in the object store
	 */
	record StorageResponse(String kind, long sessionsWaiting, long segmentsInRows, long bytesInRows,
			long segmentsInObjects, long bytesInObjects, long objects) {

	}

}
