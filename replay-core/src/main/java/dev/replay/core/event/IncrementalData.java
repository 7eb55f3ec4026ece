package dev.replay.core.event;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import dev.replay.core.dom.MediaChange;
import dev.replay.core.dom.Mutation;
import dev.replay.core.dom.StyleSheetChange;

/**
 * The data of an incremental snapshot, one record per source that page state or the
 * summary use; the other sources are kept as {@link Other}.
 */
public sealed interface IncrementalData {

	/** The sources kept as {@link Other}. */
	Set<IncrementalSource> OTHER_SOURCES = Collections
		.unmodifiableSet(EnumSet.of(IncrementalSource.MOUSE_MOVE, IncrementalSource.TOUCH_MOVE,
				IncrementalSource.CANVAS_MUTATION, IncrementalSource.LOG, IncrementalSource.DRAG,
				IncrementalSource.SELECTION, IncrementalSource.CUSTOM_ELEMENT, IncrementalSource.UNKNOWN));

	/**
	 * The source.
	 * @return never {@code null}
	 */
	IncrementalSource source();

	/**
	 * DOM nodes added, removed or changed.
	 *
	 * @param mutation the change
	 */
	record DomMutation(Mutation mutation) implements IncrementalData {

		@Override
		public IncrementalSource source() {
			return IncrementalSource.MUTATION;
		}

	}

	/**
	 * A mouse or touch interaction.
	 *
	 * @param kind the kind
	 * @param id the target node
	 * @param x the pointer's horizontal position, 0 when not recorded
	 * @param y the pointer's vertical position, 0 when not recorded
	 */
	record MouseInteraction(MouseInteractionType kind, int id, double x, double y) implements IncrementalData {

		public MouseInteraction(MouseInteractionType kind, int id) {
			this(kind, id, 0, 0);
		}

		@Override
		public IncrementalSource source() {
			return IncrementalSource.MOUSE_INTERACTION;
		}

	}

	/**
	 * The pointer moved (a mouse move, touch move or drag): its last recorded position.
	 *
	 * @param source the source
	 * @param id the node under the pointer
	 * @param x the horizontal position
	 * @param y the vertical position
	 */
	record PointerMove(IncrementalSource source, int id, double x, double y) implements IncrementalData {

		public PointerMove {
			if (source != IncrementalSource.MOUSE_MOVE && source != IncrementalSource.TOUCH_MOVE
					&& source != IncrementalSource.DRAG) {
				throw new IllegalArgumentException("Source " + source + " is not a pointer move");
			}
		}

	}

	/**
	 * A document or element scrolled.
	 *
	 * @param id the node
	 * @param x the horizontal position
	 * @param y the vertical position
	 */
	record Scroll(int id, double x, double y) implements IncrementalData {

		@Override
		public IncrementalSource source() {
			return IncrementalSource.SCROLL;
		}

	}

	/**
	 * The viewport resized.
	 *
	 * @param width the width
	 * @param height the height
	 */
	record ViewportResize(int width, int height) implements IncrementalData {

		@Override
		public IncrementalSource source() {
			return IncrementalSource.VIEWPORT_RESIZE;
		}

	}

	/**
	 * An input's value changed.
	 *
	 * @param id the element
	 * @param text the value as recorded
	 * @param isChecked whether a check box or radio button is checked
	 */
	record Input(int id, String text, boolean isChecked) implements IncrementalData {

		@Override
		public IncrementalSource source() {
			return IncrementalSource.INPUT;
		}

	}

	/**
	 * A media element changed.
	 *
	 * @param change the change
	 */
	record Media(MediaChange change) implements IncrementalData {

		@Override
		public IncrementalSource source() {
			return IncrementalSource.MEDIA_INTERACTION;
		}

	}

	/**
	 * A style sheet changed through the CSS object model.
	 *
	 * @param source {@link IncrementalSource#STYLE_SHEET_RULE},
	 * {@link IncrementalSource#STYLE_DECLARATION} or
	 * {@link IncrementalSource#ADOPTED_STYLE_SHEET}
	 * @param change the change
	 */
	record StyleSheet(IncrementalSource source, StyleSheetChange change) implements IncrementalData {

		public StyleSheet {
			if (source != IncrementalSource.STYLE_SHEET_RULE && source != IncrementalSource.STYLE_DECLARATION
					&& source != IncrementalSource.ADOPTED_STYLE_SHEET) {
				throw new IllegalArgumentException("Source " + source + " is not a style sheet change");
			}
		}

	}

	/**
	 * A web font loaded.
	 *
	 * @param data the event's data as JSON
	 */
	record Font(byte[] data) implements IncrementalData {

		@Override
		public IncrementalSource source() {
			return IncrementalSource.FONT;
		}

	}

	/**
	 * A source that page state does not apply: pointer and touch moves and drags without
	 * positions, canvas drawing, selections, logs, custom elements and unknown sources.
	 *
	 * @param source the source
	 */
	record Other(IncrementalSource source) implements IncrementalData {

		public Other {
			if (!OTHER_SOURCES.contains(source)) {
				throw new IllegalArgumentException("Source " + source + " has its own record");
			}
		}

	}

}
