package dev.replay.api.storage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.asset.AssetTotals;
import dev.replay.ingest.segment.SessionCompaction;
import dev.replay.ingest.segment.StorageProgress;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.RowParts;
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

	private final List<RowParts> rowParts;

	private final AssetCatalog assets;

	StorageController(RecordingStorage storage, SessionCompaction compaction, List<RowParts> rowParts,
			AssetCatalog assets) {
		this.storage = storage;
		this.compaction = compaction;
		this.rowParts = rowParts;
		this.assets = assets;
	}

	@GetMapping
	@Operation(operationId = "getStorage", summary = "Where recorded bytes are stored",
			description = "Admin only. The storage kind (postgres or s3), how many segments and bytes are still in "
					+ "PostgreSQL rows and how many in the object store, and how many sessions wait to be "
					+ "rewritten into objects of their own, and how many keyframes and images are still in "
					+ "PostgreSQL rows. With s3, everything in rows reaches zero once an installation that "
					+ "stored its bytes in PostgreSQL has moved them. capturedAssets counts the stylesheets, fonts "
					+ "and images captured from recorded pages, wherever their bytes are.")
	StorageResponse get() {
		StorageProgress progress = this.compaction.progress();
		Map<String, PartsInRows> otherParts = new TreeMap<>();
		for (RowParts parts : this.rowParts) {
			RowParts.Remaining remaining = parts.remaining();
			otherParts.put(parts.kind(), new PartsInRows(remaining.parts(), remaining.bytes()));
		}
		return new StorageResponse(this.storage.kind().name().toLowerCase(Locale.ROOT), progress.sessionsWaiting(),
				progress.segmentsInRows(), progress.bytesInRows(), progress.segmentsInObjects(),
				progress.bytesInObjects(), progress.objects(), otherParts, this.assets.totals());
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
	 * @param otherPartsInRows keyframes and images whose bytes are in PostgreSQL, by kind
	 * @param capturedAssets the captured assets stored, in rows and objects
	 */
	record StorageResponse(String kind, long sessionsWaiting, long segmentsInRows, long bytesInRows,
			long segmentsInObjects, long bytesInObjects, long objects, Map<String, PartsInRows> otherPartsInRows,
			AssetTotals capturedAssets) {

	}

	/**
	 * Parts of one kind still in PostgreSQL rows.
	 *
	 * @param parts how many
	 * @param bytes their bytes
	 */
	record PartsInRows(long parts, long bytes) {

	}

}
