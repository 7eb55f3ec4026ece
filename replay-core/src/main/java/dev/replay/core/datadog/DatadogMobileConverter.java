package dev.replay.core.datadog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.replay.core.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts one Datadog mobile session's replay records (Android, iOS, ...), segment by
 * segment in start order, into rrweb events that render the wireframes as DOM.
 * <p>
 * A full snapshot becomes an HTML document with one absolutely positioned element per
 * wireframe, and wireframe mutations become rrweb mutations of those elements, so the
 * browser player plays mobile sessions too. Browser records carrying a {@code slotId} are
 * pages shown in a webview: they are converted by the browser converter and placed inside
 * the webview's element. Focus, ViewEnd and VisualViewport records, whose type numbers
 * mean something else in rrweb, become Custom events; unknown records become Custom
 * events tagged {@code datadog-unknown}. An instance holds the state of one session.
 */
public final class DatadogMobileConverter {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final int MOBILE_FULL_SNAPSHOT = 10;

	private static final int MOBILE_INCREMENTAL_SNAPSHOT = 11;

	private final WebviewSlots webviews = new WebviewSlots();

	private final MobileScreen screen;

	private final MobileInteractions interactions;

	private String viewId = "";

	private String href = "app://mobile";

	private boolean awaitingSnapshot;

	private int metaWidth;

	private int metaHeight;

	/**
	 * Create a converter for one session.
	 * @param resourceUrl maps an image {@code resourceId} to the URL the player loads
	 */
	public DatadogMobileConverter(Function<String, String> resourceUrl) {
		Objects.requireNonNull(resourceUrl, "'resourceUrl' must not be null");
		this.screen = new MobileScreen(new WireframeRenderer(resourceUrl), this.webviews);
		this.interactions = new MobileInteractions(this.screen);
	}

	/**
	 * Convert one segment.
	 * @param inflatedSegment one inflated mobile segment JSON ({@code {"records":[...],
	 * ...}}); not closed by this method
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
		this.viewId = "";
		SegmentReader.read(inflatedSegment, (record) -> convertRecord(record, out), (id, recordsSeen) -> {
			if (!recordsSeen) {
				this.viewId = id;
			}
		});
		out.flush();
	}

	private void convertRecord(JsonNode record, Consumer<ObjectNode> out) {
		SegmentReader.checkRecord(record);
		int type = record.path("type").intValue();
		long timestamp = record.path("timestamp").asLong();
		JsonNode data = record.path("data");
		JsonNode slotId = record.path("slotId");
		if ((slotId.isString() || slotId.isNumber()) && type != MOBILE_FULL_SNAPSHOT
				&& type != MOBILE_INCREMENTAL_SNAPSHOT) {
			this.webviews.convert(slotId.asString(), record, out);
			return;
		}
		switch (type) {
			case 4 -> meta(data, timestamp, out);
			case 6 -> out.accept(RrwebEvents.custom(timestamp, "focus", data));
			case 7 -> out.accept(RrwebEvents.custom(timestamp, "view-end", JsonNodeFactory.instance.objectNode()));
			case 8 -> out.accept(RrwebEvents.custom(timestamp, "visual-viewport", data));
			case 9 -> out.accept(RrwebEvents.custom(timestamp, "frustration", data));
			case MOBILE_FULL_SNAPSHOT -> fullSnapshot(data, timestamp, out);
			case MOBILE_INCREMENTAL_SNAPSHOT -> incremental(record, timestamp, out);
			default -> out.accept(RrwebEvents.custom(timestamp, RrwebEvents.UNKNOWN_TAG, record));
		}
	}

	private void meta(JsonNode data, long timestamp, Consumer<ObjectNode> out) {
		String href = data.path("href").asString("");
		this.href = href.isEmpty() ? "app://" + (this.viewId.isEmpty() ? "mobile" : this.viewId) : href;
		meta(data.path("width").asInt(), data.path("height").asInt(), timestamp, out);
	}

	private void meta(int width, int height, long timestamp, Consumer<ObjectNode> out) {
		this.metaWidth = width;
		this.metaHeight = height;
		ObjectNode meta = JsonNodeFactory.instance.objectNode()
			.put("href", this.href)
			.put("width", width)
			.put("height", height);
		out.accept(RrwebEvents.event(EventType.META, timestamp, meta));
		this.screen.resize(width, height);
		this.awaitingSnapshot = true;
	}

	// Like rrweb, put a Meta before every full snapshot, also the periodic ones that
	// Android records without a Meta record.
	private void fullSnapshot(JsonNode data, long timestamp, Consumer<ObjectNode> out) {
		if (!data.path("wireframes").isArray()) {
			throw new DatadogFormatException("Mobile full snapshot needs a data.wireframes array");
		}
		if (!this.awaitingSnapshot) {
			JsonNode size = this.screen.hasSize(0, 0) ? this.interactions.screenSize(data.path("wireframes"))
					: this.interactions.viewportResize();
			meta(size.path("width").asInt(), size.path("height").asInt(), timestamp, out);
		}
		out.accept(RrwebEvents.fullSnapshot(timestamp, this.screen.fullSnapshot(data.path("wireframes")), 0, 0));
		if (!this.screen.hasSize(this.metaWidth, this.metaHeight)) {
			out.accept(RrwebEvents.incremental(timestamp, this.interactions.viewportResize()));
		}
		this.awaitingSnapshot = false;
	}

	private void incremental(JsonNode record, long timestamp, Consumer<ObjectNode> out) {
		JsonNode data = record.path("data");
		if (!data.isObject() || !data.path("source").isIntegralNumber()) {
			throw new DatadogFormatException("Mobile IncrementalSnapshot record needs a data object with a source");
		}
		if (data.path("source").intValue() == MobileInteractions.VIEWPORT_RESIZE && this.awaitingSnapshot) {
			this.screen.resize(data.path("width").asInt(), data.path("height").asInt());
			return;
		}
		this.interactions.convert(record, timestamp, out);
	}

}
