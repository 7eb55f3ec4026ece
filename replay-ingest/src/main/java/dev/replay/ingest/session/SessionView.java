package dev.replay.ingest.session;

import java.time.Instant;

import dev.replay.core.privacy.Redaction;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A page or screen of a recorded session: one that segments name, or one that an in-page
 * navigation opens (found by the timeline indexer).
 *
 * @param id the view id the recorder gave it, or {@code navigation-<n>} for the n-th view
 * that an in-page navigation opens
 * @param url the page URL or screen address, if known
 * @param startedAt when the view's first segment starts, or when the navigation happened
 */
@NamedInterface("api")
public record SessionView(String id, @Nullable String url, Instant startedAt) {

	/**
	 * The view with its session's redaction applied to its URL.
	 * @param redaction the session's redaction
	 * @return the view, or a redacted copy of it
	 */
	public SessionView redacted(Redaction redaction) {
		return redaction.isEmpty() ? this : new SessionView(this.id, redaction.apply(this.url), this.startedAt);
	}

}
