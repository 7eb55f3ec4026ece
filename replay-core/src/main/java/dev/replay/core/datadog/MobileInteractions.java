package dev.replay.core.datadog;

import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts mobile IncrementalSnapshot records ({@code type: 11}): wireframe mutations,
 * viewport resizes, and touches and pointer interactions, which become rrweb touch events
 * on the screen's root container.
 */
final class MobileInteractions {

	static final int VIEWPORT_RESIZE = 4;

	private static final int MUTATION = 0;

	private static final int TOUCH = 2;

	private static final int POINTER_INTERACTION = 9;

	private final MobileScreen screen;

	MobileInteractions(MobileScreen screen) {
		this.screen = screen;
	}

	void convert(JsonNode record, long timestamp, Consumer<ObjectNode> out) {
		JsonNode data = record.path("data");
		switch (data.path("source").intValue()) {
			case MUTATION -> this.screen.mutation(data)
				.forEach((mutation) -> out.accept(RrwebEvents.incremental(timestamp, mutation)));
			case TOUCH -> out.accept(RrwebEvents.incremental(timestamp, touch(data, timestamp)));
			case VIEWPORT_RESIZE -> {
				ObjectNode root = this.screen.resize(data.path("width").asInt(), data.path("height").asInt());
				out.accept(RrwebEvents.incremental(timestamp, viewportResize()));
				if (root != null) {
					out.accept(RrwebEvents.incremental(timestamp, root));
				}
			}
			case POINTER_INTERACTION -> {
				ObjectNode pointer = PointerEvents.toRrweb(data, MobileDocument.ROOT_ID);
				if (data.path("pointerId").isIntegralNumber()) {
					pointer.put("pointerId", data.path("pointerId").asInt());
				}
				out.accept(RrwebEvents.incremental(timestamp, pointer));
			}
			default -> out.accept(RrwebEvents.custom(timestamp, RrwebEvents.UNKNOWN_TAG, record));
		}
	}

	/**
	 * Return an rrweb ViewportResize for the current screen size.
	 * @return the incremental data
	 */
	ObjectNode viewportResize() {
		return RrwebEvents.source(RrwebEvents.VIEWPORT_RESIZE)
			.put("width", this.screen.width())
			.put("height", this.screen.height());
	}

	/**
	 * Guess the screen size of a session whose first full snapshot has no Meta record
	 * before it.
	 * @param wireframes the wireframes of the full snapshot
	 * @return an object with the {@code width} and {@code height} the wireframes cover
	 */
	JsonNode screenSize(JsonNode wireframes) {
		int right = 0;
		int bottom = 0;
		for (JsonNode wireframe : wireframes) {
			right = Math.max(right, wireframe.path("x").asInt() + wireframe.path("width").asInt());
			bottom = Math.max(bottom, wireframe.path("y").asInt() + wireframe.path("height").asInt());
		}
		return JsonNodeFactory.instance.objectNode().put("width", right).put("height", bottom);
	}

	private ObjectNode touch(JsonNode data, long timestamp) {
		ObjectNode move = RrwebEvents.source(RrwebEvents.TOUCH_MOVE);
		ArrayNode positions = move.putArray("positions");
		for (JsonNode position : data.path("positions")) {
			positions.addObject()
				.put("x", position.path("x").asDouble())
				.put("y", position.path("y").asDouble())
				.put("id", MobileDocument.ROOT_ID)
				.put("timeOffset", position.path("timestamp").asLong(timestamp) - timestamp);
		}
		return move;
	}

}
