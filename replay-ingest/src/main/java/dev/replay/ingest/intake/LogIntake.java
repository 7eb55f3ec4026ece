package dev.replay.ingest.intake;

import java.io.IOException;

import dev.replay.core.rum.RumBatchReader;
import dev.replay.ingest.rum.RumBatchStore;

import org.springframework.stereotype.Component;

/**
 * Datadog browser log batches: kept raw with the sessions they name; their events are
 * counted, not read.
 */
@Component
class LogIntake {

	private final IngestProperties properties;

	private final IntakeAuthorization authorization;

	private final RumBatchStore batches;

	private final DecodingSlots slots;

	LogIntake(IngestProperties properties, IntakeAuthorization authorization, RumBatchStore batches,
			DecodingSlots slots) {
		this.properties = properties;
		this.authorization = authorization;
		this.batches = batches;
		this.slots = slots;
	}

	DatadogReceipt accept(DatadogRequest request) throws IOException {
		EventBatch batch = EventBatch.read(request, this.properties, this.authorization, RumBatchReader::read,
				this.slots);
		int skipped = batch.summary().skipped();
		boolean stored = this.batches.store(batch.toStored(batch.summary().events(), skipped), false);
		return batch.receipt(request.receiptId(), stored, skipped);
	}

}
