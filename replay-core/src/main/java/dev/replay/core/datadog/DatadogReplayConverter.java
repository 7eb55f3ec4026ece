package dev.replay.core.datadog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.replay.core.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts one Datadog browser session's replay records, segment by segment in
 * {@code start} order, into rrweb events.
 * <p>
 * An instance holds the decoding state of the session (the v7 Change string table and
 * node ids of each view), so segments must be passed in order, starting with the segment
 * that holds a view's full snapshot. Records are read one at a time with a streaming
 * parser and converted in the order they were recorded. Datadog records whose type number
 * means something else in rrweb (Focus, ViewEnd, VisualViewport, Frustration) become
 * rrweb Custom events; unknown record types and change kinds are passed through as Custom
 * events tagged {@code datadog-unknown}.
 */
public final class DatadogReplayConverter {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final int MAX_RETAINED_VIEWS = 8;

	private final UrlResolver urls = new UrlResolver();

	private final ChangeRecordConverter changes = new ChangeRecordConverter(this.urls);

	private final IncrementalConverter incremental = new IncrementalConverter(this.urls);

	private final Map<String, ViewState> views = new LinkedHashMap<>();

	private ViewState current = new ViewState(this.urls);

	/**
	 * Create a converter for one session; it keeps the decoding state of the session's
	 * views between calls.
	 */
	public DatadogReplayConverter() {
	}

	/**
	 * Convert one segment.
	 * @param inflatedSegment the zlib-inflated segment JSON ({@code {"records":[...],
	 * "view":{"id":..}, ...}}); not closed by this method
	 * @param sink receives each rrweb event as UTF-8 JSON bytes, in order
	 * @throws IOException if reading the stream fails
	 * @throws DatadogFormatException if the segment is not valid JSON, has no
	 * {@code records} array, or contains a record that cannot be decoded
	 */
	public void convertSegment(InputStream inflatedSegment, Consumer<byte[]> sink) throws IOException {
		Objects.requireNonNull(inflatedSegment, "'inflatedSegment' must not be null");
		Objects.requireNonNull(sink, "'sink' must not be null");
		MetaFirstOrdering out = new MetaFirstOrdering(
				(event) -> sink.accept(MAPPER.writeValueAsBytes(FlatAdds.flatten(event))));
		SegmentReader.read(inflatedSegment, (record) -> convertRecord(record, out), this::selectView);
		out.flush();
	}

	// Switch to the view's state when the view id comes before the records, or
	// remember the state under the view id when it comes after them (as
	// browser segments put it).
	private void selectView(String viewId, boolean recordsSeen) {
		if (viewId.isEmpty()) {
			return;
		}
		if (!recordsSeen) {
			this.current = this.views.computeIfAbsent(viewId, (id) -> new ViewState(this.urls));
		}
		this.views.remove(viewId);
		this.views.put(viewId, this.current);
		Iterator<String> eldest = this.views.keySet().iterator();
		while (this.views.size() > MAX_RETAINED_VIEWS) {
			eldest.next();
			eldest.remove();
		}
	}

	/**
	 * Convert one record of the current view.
	 * @param record the Datadog record
	 * @param out receives the rrweb events
	 */
	void convertRecord(JsonNode record, Consumer<ObjectNode> out) {
		SegmentReader.checkRecord(record);
		long timestamp = record.path("timestamp").asLong();
		JsonNode data = record.path("data");
		switch (record.path("type").intValue()) {
			case 2 -> fullSnapshot(record, timestamp, out);
			case 3 -> this.incremental.convert(this.current, record, timestamp, out);
			case 4 -> meta(data, timestamp, out);
			case 6 -> out.accept(RrwebEvents.custom(timestamp, "focus", data));
			case 7 -> out.accept(RrwebEvents.custom(timestamp, "view-end", MAPPER.createObjectNode()));
			case 8 -> out.accept(RrwebEvents.custom(timestamp, "visual-viewport", data));
			case 9 -> out.accept(RrwebEvents.custom(timestamp, "frustration", data));
			case 12 ->
				this.current = this.changes.change(this.current, () -> new ViewState(this.urls), data, timestamp, out);
			default -> out.accept(RrwebEvents.custom(timestamp, RrwebEvents.UNKNOWN_TAG, record));
		}
	}

	private void meta(JsonNode data, long timestamp, Consumer<ObjectNode> out) {
		String href = data.path("href").asString("");
		this.urls.setBase(href);
		ObjectNode meta = MAPPER.createObjectNode()
			.put("href", href)
			.put("width", data.path("width").asInt())
			.put("height", data.path("height").asInt());
		out.accept(RrwebEvents.event(EventType.META, timestamp, meta));
	}

	private void fullSnapshot(JsonNode record, long timestamp, Consumer<ObjectNode> out) {
		ViewState fresh = new ViewState(this.urls);
		if (record.path("format").asInt(0) == 1) {
			this.changes.fullSnapshot(fresh, record.path("data"), timestamp, out);
		}
		else {
			if (!(record.path("data").path("node") instanceof ObjectNode node)) {
				throw new DatadogFormatException("V1 full snapshot needs a data.node object");
			}
			V1NodeRewriter rewriter = new V1NodeRewriter(fresh, this.urls);
			List<ObjectNode> root = rewriter.rewrite(node, -1, false);
			JsonNode offset = record.path("data").path("initialOffset");
			out.accept(RrwebEvents.fullSnapshot(timestamp, root.get(0), offset.path("left").asDouble(),
					offset.path("top").asDouble()));
			rewriter.adoptedStyleSheets().forEach((adopted) -> out.accept(RrwebEvents.incremental(timestamp, adopted)));
		}
		this.current = fresh;
	}

}
