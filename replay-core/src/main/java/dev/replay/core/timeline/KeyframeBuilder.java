package dev.replay.core.timeline;

import java.util.Objects;
import java.util.function.Consumer;

import dev.replay.core.dom.PageState;
import dev.replay.core.event.EventType;
import dev.replay.core.event.RecordingEvent;

/**
 * Walks a session's merged event stream once and writes keyframes at the spacing of a
 * {@link KeyframePolicy}. It keeps only the current {@link PageState}, never the events,
 * and can resume from the last stored keyframe after a crash. Recorded full snapshots
 * already are keyframes in the stream, so none is written for them. Not thread-safe.
 */
public final class KeyframeBuilder {

	private final KeyframePolicy policy;

	private final KeyframeCodec codec;

	private final Consumer<Keyframe> sink;

	private final PageState state;

	private long sessionStart;

	private long nextIndex;

	private long lastTimestamp;

	private long nextDue;

	private int changes;

	private boolean changed;

	private boolean awaitingSnapshot;

	/**
	 * Create a builder for a session's stream from its first event.
	 * @param policy when to write keyframes
	 * @param codec reads events and writes keyframes
	 * @param sink receives each keyframe as it is written
	 */
	public KeyframeBuilder(KeyframePolicy policy, KeyframeCodec codec, Consumer<Keyframe> sink) {
		this(policy, codec, sink, new PageState());
		this.sessionStart = Long.MIN_VALUE;
	}

	private KeyframeBuilder(KeyframePolicy policy, KeyframeCodec codec, Consumer<Keyframe> sink, PageState state) {
		this.policy = Objects.requireNonNull(policy, "'policy' must not be null");
		this.codec = Objects.requireNonNull(codec, "'codec' must not be null");
		this.sink = Objects.requireNonNull(sink, "'sink' must not be null");
		this.state = state;
	}

	/**
	 * Create a builder that continues after a stored keyframe; feed it the events from
	 * {@link Keyframe#nextEventIndex()} on.
	 * @param keyframe the last keyframe stored
	 * @param policy when to write keyframes
	 * @param codec reads events and writes keyframes
	 * @param sink receives each keyframe as it is written
	 * @return the builder
	 */
	public static KeyframeBuilder resume(Keyframe keyframe, KeyframePolicy policy, KeyframeCodec codec,
			Consumer<Keyframe> sink) {
		KeyframeBuilder builder = new KeyframeBuilder(policy, codec, sink, pageStateOf(keyframe, codec));
		builder.sessionStart = keyframe.sessionStart();
		builder.nextIndex = keyframe.nextEventIndex();
		builder.lastTimestamp = keyframe.timestamp();
		builder.nextDue = builder.dueAfter(keyframe.timestamp());
		return builder;
	}

	/**
	 * Rebuild the page state that a keyframe holds.
	 * @param keyframe the keyframe
	 * @param codec reads the keyframe's events
	 * @return a new page state
	 */
	public static PageState pageStateOf(Keyframe keyframe, KeyframeCodec codec) {
		PageState state = new PageState();
		keyframe.events().forEach((event) -> PageEvents.apply(state, codec.decode(event)));
		return state;
	}

	/**
	 * Take the next event of the stream.
	 * @param event the event
	 */
	public void accept(RawEvent event) {
		accept(event, this.codec.decode(event));
	}

	/**
	 * Take the next event of the stream, already decoded.
	 * @param raw the event as stored
	 * @param event the same event, decoded
	 */
	public void accept(RawEvent raw, RecordingEvent event) {
		if (this.sessionStart == Long.MIN_VALUE) {
			this.sessionStart = raw.timestamp();
			this.nextDue = raw.timestamp() + this.policy.intervalMillis();
		}
		if (isDue(raw.timestamp())) {
			this.sink.accept(new Keyframe(this.lastTimestamp - this.sessionStart, this.lastTimestamp, this.nextIndex,
					this.codec.encode(this.state.snapshot(), this.lastTimestamp)));
			restartSpacing(dueAfter(this.lastTimestamp));
		}
		boolean pageChanged = PageEvents.apply(this.state, event);
		if (event.type() == EventType.META) {
			this.awaitingSnapshot = true;
		}
		else if (event.type() == EventType.FULL_SNAPSHOT) {
			this.awaitingSnapshot = false;
			restartSpacing(raw.timestamp() + this.policy.intervalMillis());
		}
		else if (pageChanged) {
			this.changed = true;
			this.changes++;
		}
		this.lastTimestamp = Math.max(this.lastTimestamp, raw.timestamp());
		this.nextIndex++;
	}

	/**
	 * The page state after the events taken so far.
	 * @return the live state, not a copy
	 */
	public PageState state() {
		return this.state;
	}

	/**
	 * The index of the next event expected.
	 * @return the number of events of the stream taken so far
	 */
	public long nextEventIndex() {
		return this.nextIndex;
	}

	private boolean isDue(long timestamp) {
		return this.changed && !this.awaitingSnapshot && this.state.hasDocument()
				&& (timestamp >= this.nextDue || this.changes >= this.policy.maxChanges());
	}

	/**
	 * The time at which the keyframe after one written at {@code timestamp} is due: the
	 * first multiple of the interval, counted from the session's start, that is at least
	 * an interval later. Depending only on the keyframe's own timestamp keeps the spacing
	 * from drifting and makes a resumed builder write the keyframes an uninterrupted one
	 * would.
	 * @param timestamp the keyframe's timestamp
	 * @return the epoch milliseconds at which the next keyframe is due
	 */
	private long dueAfter(long timestamp) {
		long interval = this.policy.intervalMillis();
		return this.sessionStart + (Math.floorDiv(timestamp + interval - this.sessionStart, interval) + 1) * interval;
	}

	private void restartSpacing(long nextDue) {
		this.nextDue = nextDue;
		this.changes = 0;
		this.changed = false;
	}

}
