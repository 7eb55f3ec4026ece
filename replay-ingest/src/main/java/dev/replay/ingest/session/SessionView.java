package dev.replay.ingest.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A page or screen of a recorded session.
 *
 * @param id the view id the recorder gave it
 * @param url the page URL or screen address, if known
 * @param startedAt when the view's first segment starts
 */
@NamedInterface("api")
public record SessionView(String id, @Nullable String url, Instant startedAt) {

}
