package dev.replay.core.timeline;

import dev.replay.core.dom.PageState;
import dev.replay.core.event.IncrementalData;
import dev.replay.core.event.RecordingEvent;

/**
 * Applies recording events to a {@link PageState}, as rrweb's replayer applies them to
 * its DOM.
 */
public final class PageEvents {

	private PageEvents() {
	}

	/**
	 * Apply one event.
	 * @param state the page state
	 * @param event the event
	 * @return whether the event changes what the page shows (DOM, input values, scroll
	 * positions, style sheets, viewport, media), as opposed to pointer moves, clicks and
	 * other events that change nothing on the page but the pointer's position
	 */
	public static boolean apply(PageState state, RecordingEvent event) {
		return switch (event.type()) {
			case META -> {
				RecordingEvent.Meta meta = (RecordingEvent.Meta) event;
				state.startPage(meta.href(), meta.width(), meta.height());
				yield true;
			}
			case FULL_SNAPSHOT -> {
				RecordingEvent.FullSnapshot snapshot = (RecordingEvent.FullSnapshot) event;
				state.replaceDocument(snapshot.node(), snapshot.initialLeft(), snapshot.initialTop());
				yield true;
			}
			case INCREMENTAL_SNAPSHOT -> applyIncremental(state, ((RecordingEvent.Incremental) event).data());
			case CUSTOM, PLUGIN, DOM_CONTENT_LOADED, LOAD, ASSET, UNKNOWN -> false;
		};
	}

	private static boolean applyIncremental(PageState state, IncrementalData data) {
		switch (data.source()) {
			case MUTATION -> state.applyMutation(((IncrementalData.DomMutation) data).mutation());
			case SCROLL -> {
				IncrementalData.Scroll scroll = (IncrementalData.Scroll) data;
				state.scroll(scroll.id(), scroll.x(), scroll.y());
			}
			case VIEWPORT_RESIZE -> {
				IncrementalData.ViewportResize resize = (IncrementalData.ViewportResize) data;
				state.resizeViewport(resize.width(), resize.height());
			}
			case INPUT -> {
				IncrementalData.Input input = (IncrementalData.Input) data;
				state.input(input.id(), input.text(), input.isChecked());
			}
			case MEDIA_INTERACTION -> state.media(((IncrementalData.Media) data).change());
			case STYLE_SHEET_RULE, STYLE_DECLARATION, ADOPTED_STYLE_SHEET ->
				state.changeStyleSheet(((IncrementalData.StyleSheet) data).change());
			case FONT -> state.addFont(((IncrementalData.Font) data).data());
			case MOUSE_MOVE, TOUCH_MOVE, DRAG -> {
				if (data instanceof IncrementalData.PointerMove move) {
					state.pointer(move.id(), move.x(), move.y());
				}
				return false;
			}
			case MOUSE_INTERACTION -> {
				movePointer(state, (IncrementalData.MouseInteraction) data);
				return false;
			}
			case CANVAS_MUTATION, LOG, SELECTION, CUSTOM_ELEMENT, UNKNOWN -> {
				return false;
			}
		}
		return true;
	}

	// Presses, releases, clicks and touches on a node of the page move the pointer there,
	// as rrweb's replayer moves it (and marks the hovered elements) when it seeks.
	private static void movePointer(PageState state, IncrementalData.MouseInteraction interaction) {
		boolean moves = switch (interaction.kind()) {
			case MOUSE_UP, MOUSE_DOWN, CLICK, TOUCH_START, TOUCH_END -> true;
			default -> false;
		};
		if (moves && interaction.id() != -1 && state.contains(interaction.id())) {
			state.pointer(interaction.id(), interaction.x(), interaction.y());
		}
	}

}
