package dev.replay.ingest.rum;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * One page of a session's RUM events, in time order.
 *
 * @param items the events
 * @param nextCursor the cursor of the next page, {@code null} on the last page
 */
@NamedInterface("api")
public record RumPage(List<RumItem> items, @Nullable String nextCursor) {

}
