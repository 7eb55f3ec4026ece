package dev.replay.core.event;

import dev.replay.core.dom.SerializedNode;
import org.jspecify.annotations.Nullable;

/**
 * One rrweb event, typed as far as page state, keyframes and the timeline summary need.
 * Events of unknown or unused types are kept as {@link Other}, so nothing is rejected.
 */
public sealed interface RecordingEvent {

	/**
	 * The epoch milliseconds of the event.
	 * @return the timestamp
	 */
	long timestamp();

	/**
	 * The event's type.
	 * @return never {@code null}
	 */
	EventType type();

	/**
	 * A new page.
	 *
	 * @param timestamp epoch milliseconds
	 * @param href the page's URL
	 * @param width the viewport width
	 * @param height the viewport height
	 */
	record Meta(long timestamp, String href, int width, int height) implements RecordingEvent {

		@Override
		public EventType type() {
			return EventType.META;
		}

	}

	/**
	 * The whole DOM.
	 *
	 * @param timestamp epoch milliseconds
	 * @param node the document
	 * @param initialLeft the document's horizontal scroll position
	 * @param initialTop the document's vertical scroll position
	 */
	record FullSnapshot(long timestamp, SerializedNode.Document node, double initialLeft,
			double initialTop) implements RecordingEvent {

		@Override
		public EventType type() {
			return EventType.FULL_SNAPSHOT;
		}

	}

	/**
	 * A change.
	 *
	 * @param timestamp epoch milliseconds
	 * @param data what changed
	 */
	record Incremental(long timestamp, IncrementalData data) implements RecordingEvent {

		@Override
		public EventType type() {
			return EventType.INCREMENTAL_SNAPSHOT;
		}

	}

	/**
	 * An application's own event, or one that our recorder script adds: an in-page
	 * navigation is tagged {@value #NAVIGATION}, with the new URL in its payload's
	 * {@code url}.
	 *
	 * @param timestamp epoch milliseconds
	 * @param tag the event's tag
	 * @param message the payload as short text, if any
	 * @param url the URL that a navigation event moved to; {@code null} for other events
	 */
	record Custom(long timestamp, String tag, @Nullable String message,
			@Nullable String url) implements RecordingEvent {

		/**
		 * The tag of our recorder script's navigation events (History API, back and
		 * forward, hash changes).
		 */
		public static final String NAVIGATION = "navigation";

		/**
		 * An event that is not a navigation.
		 * @param timestamp epoch milliseconds
		 * @param tag the event's tag
		 * @param message the payload as short text, if any
		 */
		public Custom(long timestamp, String tag, @Nullable String message) {
			this(timestamp, tag, message, null);
		}

		@Override
		public EventType type() {
			return EventType.CUSTOM;
		}

	}

	/**
	 * A recorder plugin's event.
	 *
	 * @param timestamp epoch milliseconds
	 * @param plugin the plugin's name, such as {@code rrweb/console@1}
	 * @param level the payload's {@code level}, if any
	 * @param message the payload's message as short text, if any
	 */
	record Plugin(long timestamp, String plugin, @Nullable String level,
			@Nullable String message) implements RecordingEvent {

		@Override
		public EventType type() {
			return EventType.PLUGIN;
		}

	}

	/**
	 * An event that page state and the summary do not look into.
	 *
	 * @param timestamp epoch milliseconds
	 * @param type the type: {@link EventType#DOM_CONTENT_LOADED}, {@link EventType#LOAD},
	 * {@link EventType#ASSET} or {@link EventType#UNKNOWN}
	 */
	record Other(long timestamp, EventType type) implements RecordingEvent {

		public Other {
			if (type != EventType.DOM_CONTENT_LOADED && type != EventType.LOAD && type != EventType.ASSET
					&& type != EventType.UNKNOWN) {
				throw new IllegalArgumentException("Events of type " + type + " have their own record");
			}
		}

	}

}
