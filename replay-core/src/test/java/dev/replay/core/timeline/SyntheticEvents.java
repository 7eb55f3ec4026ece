package dev.replay.core.timeline;

import java.util.List;
import java.util.Map;

import dev.replay.core.dom.Mutation;
import dev.replay.core.dom.SerializedNode;
import dev.replay.core.event.IncrementalData;
import dev.replay.core.event.IncrementalSource;
import dev.replay.core.event.MouseInteractionType;
import dev.replay.core.event.RecordingEvent;

/**
 * Typed events for synthetic streams.
 */
final class SyntheticEvents {

	static final long START = 1_700_000_000_000L;

	private SyntheticEvents() {
	}

	static RecordingEvent meta(long offset, String href) {
		return new RecordingEvent.Meta(START + offset, href, 1280, 720);
	}

	static RecordingEvent navigation(long offset, String url) {
		return new RecordingEvent.Custom(START + offset, RecordingEvent.Custom.NAVIGATION, null, url);
	}

	static RecordingEvent fullSnapshot(long offset) {
		SerializedNode body = new SerializedNode.Element(3, "body", Map.of(),
				List.of(new SerializedNode.Element(4, "button", Map.of(),
						List.of(new SerializedNode.Text(5, "Pay", false, false, null)), false, false, false, false,
						false, null)),
				false, false, false, false, false, null);
		SerializedNode html = new SerializedNode.Element(2, "html", Map.of(), List.of(body), false, false, false, false,
				false, null);
		return new RecordingEvent.FullSnapshot(START + offset,
				new SerializedNode.Document(1, null, List.of(html), null), 0, 0);
	}

	static RecordingEvent click(long offset, int id) {
		return incremental(offset, new IncrementalData.MouseInteraction(MouseInteractionType.CLICK, id));
	}

	static RecordingEvent mouseMove(long offset) {
		return incremental(offset, new IncrementalData.Other(IncrementalSource.MOUSE_MOVE));
	}

	static RecordingEvent textChange(long offset, String text) {
		return incremental(offset, new IncrementalData.DomMutation(
				new Mutation(List.of(), List.of(), List.of(new Mutation.TextChange(5, text)), List.of(), false)));
	}

	static RecordingEvent incremental(long offset, IncrementalData data) {
		return new RecordingEvent.Incremental(START + offset, data);
	}

}
