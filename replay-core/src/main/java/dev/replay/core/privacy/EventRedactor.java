package dev.replay.core.privacy;

import dev.replay.core.timeline.RawEvent;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link Redaction} to one session's rrweb event stream, events in stream
 * order: the elements its selectors match are masked in full snapshots, in the nodes that
 * mutations add, in the text and attribute changes of those elements and in what is typed
 * into them, then its texts are masked wherever they occur. Datadog recordings are
 * redacted in the rrweb form they are converted to. Not thread-safe.
 */
public final class EventRedactor {

	private final Redaction redaction;

	private final @Nullable SelectorMasking selectors;

	EventRedactor(Redaction redaction) {
		this.redaction = redaction;
		this.selectors = redaction.selectors().isEmpty() ? null : new SelectorMasking(redaction.selectors());
	}

	/**
	 * Redact the next event.
	 * @param event the event, masked by the privacy floor or not
	 * @return the event, or a redacted copy of it
	 */
	public RawEvent redact(RawEvent event) {
		RawEvent masked = (this.selectors != null) ? this.selectors.mask(event) : event;
		byte[] json = this.redaction.applyToJson(masked.json());
		return (json == masked.json()) ? masked : new RawEvent(masked.timestamp(), json);
	}

}
