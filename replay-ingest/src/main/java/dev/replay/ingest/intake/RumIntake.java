package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.List;

import dev.replay.core.rum.RumBatchReader;
import dev.replay.core.rum.RumEvent;
import dev.replay.ingest.rum.NewRumBatch;
import dev.replay.ingest.rum.RumBatchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Datadog RUM batches: kept raw and, in the same transaction, one typed row per valid
 * event dated inside the time window around the receipt.
 */
@Component
class RumIntake {

	private static final Logger LOG = LoggerFactory.getLogger(RumIntake.class);

	private final IngestProperties properties;

	private final IntakeAuthorization authorization;

	private final RumBatchStore batches;

	private final EventTimeWindow window;

	private final DecodingSlots slots;

	RumIntake(IngestProperties properties, IntakeAuthorization authorization, RumBatchStore batches,
			EventTimeWindow window, DecodingSlots slots) {
		this.properties = properties;
		this.authorization = authorization;
		this.batches = batches;
		this.window = window;
		this.slots = slots;
	}

	DatadogReceipt accept(DatadogRequest request) throws IOException {
		EventBatch batch = EventBatch.read(request, this.properties, this.authorization, RumBatchReader::readRum,
				this.slots);
		RumBatchReader.Summary summary = batch.summary();
		// RUM events dated outside the window are skipped like invalid ones, and the
		// batch
		// is kept raw: it expires by its receipt, as log batches, whose dates are not
		// read
		List<RumEvent> events = summary.events()
			.stream()
			.filter((event) -> this.window.contains(event.timeMs()))
			.toList();
		int skipped = summary.skipped() + summary.events().size() - events.size();
		NewRumBatch stored = batch.toStored(events, skipped);
		String requestId = request.receiptId();
		boolean isNew;
		try {
			isNew = this.batches.store(stored, true);
		}
		catch (DataIntegrityViolationException ex) {
			// an event the database refuses in typed form (such as text it cannot hold)
			// must not lose the batch: keep it raw, and count its events as skipped
			LOG.warn("RUM events of request {} could not be stored typed; the batch is kept raw: {}", requestId,
					ex.getMessage());
			isNew = this.batches.store(stored, false);
			skipped = summary.lines();
		}
		return batch.receipt(requestId, isNew, skipped);
	}

}
