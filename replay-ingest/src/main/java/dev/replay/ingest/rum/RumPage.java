package dev.replay.ingest.rum;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * One page of a session's RUM events, in time order.
 *
 * @param items the events
 * @param nextCursor the cursor of the next page, {@code null} on the last page
 * @param captured the kinds of events among {@code resource}, {@code action} and
 * {@code long_task} that the session's recorders captured, whether or not any happened;
 * an empty tab of a kind not listed means it was not recorded, not that none happened
 */
@NamedInterface("api")
public record RumPage(List<RumItem> items, @Nullable String nextCursor, List<String> captured) {

}
