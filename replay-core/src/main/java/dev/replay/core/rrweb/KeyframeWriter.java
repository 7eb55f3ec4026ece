package dev.replay.core.rrweb;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.replay.core.dom.Mutation;
import dev.replay.core.dom.PageSnapshot;
import dev.replay.core.dom.StyleSheetChange;
import dev.replay.core.timeline.RawEvent;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a {@link PageSnapshot} as rrweb events: one Meta, one FullSnapshot, then, at the
 * same timestamp, the incremental events that a full snapshot cannot carry (iframes'
 * documents, their scroll positions, adopted style sheets, fonts, as rrweb's recorder
 * itself emits them after a full snapshot; then the values input events gave elements and
 * the pointer's last position, as the replayer applies them when it seeks).
 */
public final class KeyframeWriter {

	private KeyframeWriter() {
	}

	/**
	 * Write a snapshot.
	 * @param snapshot the page state
	 * @param timestamp the timestamp of the events
	 * @return the events, Meta and FullSnapshot first
	 */
	public static List<RawEvent> write(PageSnapshot snapshot, long timestamp) {
		List<RawEvent> events = new ArrayList<>();
		events.add(event(timestamp, 4, (out) -> {
			out.writeStringProperty("href", snapshot.href());
			out.writeNumberProperty("width", snapshot.width());
			out.writeNumberProperty("height", snapshot.height());
		}));
		events.add(event(timestamp, 2, (out) -> {
			out.writeName("node");
			SerializedNodeJson.write(snapshot.document(), out);
			out.writeName("initialOffset");
			out.writeStartObject();
			out.writeName("top");
			SerializedNodeJson.writeScalar(snapshot.scrollTop(), out);
			out.writeName("left");
			SerializedNodeJson.writeScalar(snapshot.scrollLeft(), out);
			out.writeEndObject();
		}));
		for (Mutation attachment : snapshot.iframeDocuments()) {
			events.add(incremental(timestamp, (out) -> MutationJson.writeAttachment(attachment, out)));
		}
		for (PageSnapshot.Scroll scroll : snapshot.documentScrolls()) {
			events.add(incremental(timestamp, (out) -> writeScroll(scroll, out)));
		}
		for (StyleSheetChange.Adoption adoption : snapshot.adoptions()) {
			events.add(incremental(timestamp, (out) -> writeAdoption(adoption, out)));
		}
		for (byte[] font : snapshot.fonts()) {
			events.add(incremental(timestamp, (out) -> out.writeTree(RecordingJson.mapper().readTree(font))));
		}
		for (PageSnapshot.Input input : snapshot.inputs()) {
			events.add(incremental(timestamp, (out) -> writeInput(input, out)));
		}
		PageSnapshot.Pointer pointer = snapshot.pointer();
		if (pointer != null) {
			events.add(incremental(timestamp, (out) -> writePointer(pointer, out)));
		}
		return events;
	}

	private static RawEvent event(long timestamp, int type, Consumer<JsonGenerator> data) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator out = RecordingJson.mapper().createGenerator(bytes)) {
			out.writeStartObject();
			out.writeNumberProperty("type", type);
			out.writeName("data");
			out.writeStartObject();
			data.accept(out);
			out.writeEndObject();
			out.writeNumberProperty("timestamp", timestamp);
			out.writeEndObject();
		}
		return new RawEvent(timestamp, bytes.toByteArray());
	}

	private static RawEvent incremental(long timestamp, Consumer<JsonGenerator> data) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator out = RecordingJson.mapper().createGenerator(bytes)) {
			out.writeStartObject();
			out.writeNumberProperty("type", 3);
			out.writeName("data");
			data.accept(out);
			out.writeNumberProperty("timestamp", timestamp);
			out.writeEndObject();
		}
		return new RawEvent(timestamp, bytes.toByteArray());
	}

	private static void writeScroll(PageSnapshot.Scroll scroll, JsonGenerator out) {
		out.writeStartObject();
		out.writeNumberProperty("source", 3);
		out.writeNumberProperty("id", scroll.id());
		out.writeName("x");
		SerializedNodeJson.writeScalar(scroll.x(), out);
		out.writeName("y");
		SerializedNodeJson.writeScalar(scroll.y(), out);
		out.writeEndObject();
	}

	// As an Input event: rrweb's replayer sets the element's value and checked
	// properties, and leaves its attributes as the page had them.
	private static void writeInput(PageSnapshot.Input input, JsonGenerator out) {
		out.writeStartObject();
		out.writeNumberProperty("source", 5);
		out.writeStringProperty("text", input.text());
		out.writeBooleanProperty("isChecked", input.isChecked());
		out.writeNumberProperty("id", input.id());
		out.writeEndObject();
	}

	// As a MouseMove event of one position, which rrweb's replayer uses to place its
	// cursor and mark the hovered elements.
	private static void writePointer(PageSnapshot.Pointer pointer, JsonGenerator out) {
		out.writeStartObject();
		out.writeNumberProperty("source", 1);
		out.writeName("positions");
		out.writeStartArray();
		out.writeStartObject();
		out.writeName("x");
		SerializedNodeJson.writeScalar(pointer.x(), out);
		out.writeName("y");
		SerializedNodeJson.writeScalar(pointer.y(), out);
		out.writeNumberProperty("id", pointer.id());
		out.writeNumberProperty("timeOffset", 0);
		out.writeEndObject();
		out.writeEndArray();
		out.writeEndObject();
	}

	private static void writeAdoption(StyleSheetChange.Adoption adoption, JsonGenerator out) {
		out.writeStartObject();
		out.writeNumberProperty("source", 15);
		out.writeNumberProperty("id", adoption.hostId());
		out.writeName("styleIds");
		out.writeStartArray();
		adoption.styleIds().forEach((id) -> out.writeNumber(id.intValue()));
		out.writeEndArray();
		out.writeName("styles");
		out.writeStartArray();
		adoption.newSheets().forEach((styleId, rules) -> {
			out.writeStartObject();
			out.writeNumberProperty("styleId", styleId);
			out.writeName("rules");
			out.writeStartArray();
			for (int i = 0; i < rules.size(); i++) {
				out.writeStartObject();
				out.writeStringProperty("rule", rules.get(i));
				out.writeNumberProperty("index", i);
				out.writeEndObject();
			}
			out.writeEndArray();
			out.writeEndObject();
		});
		out.writeEndArray();
		out.writeEndObject();
	}

}
