package dev.replay.ingest.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to an accepted Datadog request.
 *
 * @param requestId the client's request id, or a new one when it sent none
 * @param stored how many segments, images or batches were new
 * @param duplicates how many had been stored before
 * @param skipped how many lines of an event batch were skipped: not JSON objects, or, in
 * a RUM batch, not valid RUM events (no type, date, session id or application id)
 */
record DatadogReceipt(@JsonProperty("request_id") String requestId, int stored, int duplicates, int skipped) {

}
