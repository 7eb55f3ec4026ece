package dev.replay.ingest.intake;

/**
 * The answer to an accepted segment.
 *
 * @param sessionId the session
 * @param sequence the batch number
 * @param duplicate whether an equal segment had been stored before
 */
record SegmentReceipt(String sessionId, int sequence, boolean duplicate) {

}
