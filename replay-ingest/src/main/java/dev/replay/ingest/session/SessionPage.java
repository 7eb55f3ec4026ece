package dev.replay.ingest.session;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * One page of sessions, newest first.
 *
 * @param items the sessions
 * @param nextCursor the cursor of the next page, {@code null} on the last page
 */
@NamedInterface("api")
public record SessionPage(List<SessionSummary> items, @Nullable String nextCursor) {

}
