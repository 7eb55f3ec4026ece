package dev.replay.core.datadog;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps Datadog PointerInteraction data (incremental source 9, which means CanvasMutation
 * in rrweb) onto rrweb MouseInteraction, MouseMove and TouchMove data.
 */
final class PointerEvents {

	private static final int MOUSE_UP = 0;

	private static final int MOUSE_DOWN = 1;

	private static final int TOUCH_START = 7;

	private static final int TOUCH_END = 9;

	private PointerEvents() {
	}

	/**
	 * Convert one pointer interaction.
	 * @param data the Datadog data ({@code pointerEventType}, {@code pointerType},
	 * {@code x}, {@code y})
	 * @param targetId the rrweb node the pointer is attributed to
	 * @return the rrweb incremental data
	 */
	static ObjectNode toRrweb(JsonNode data, int targetId) {
		String pointerType = data.path("pointerType").asString("mouse");
		boolean touch = "touch".equals(pointerType);
		double x = data.path("x").asDouble();
		double y = data.path("y").asDouble();
		String eventType = data.path("pointerEventType").asString("move");
		if ("down".equals(eventType) || "up".equals(eventType)) {
			int type = "down".equals(eventType) ? (touch ? TOUCH_START : MOUSE_DOWN) : (touch ? TOUCH_END : MOUSE_UP);
			return RrwebEvents.source(RrwebEvents.MOUSE_INTERACTION)
				.put("type", type)
				.put("id", targetId)
				.put("x", x)
				.put("y", y)
				.put("pointerType", pointerTypeCode(pointerType));
		}
		ObjectNode move = RrwebEvents.source(touch ? RrwebEvents.TOUCH_MOVE : RrwebEvents.MOUSE_MOVE);
		move.putArray("positions").addObject().put("x", x).put("y", y).put("id", targetId).put("timeOffset", 0);
		return move;
	}

	private static int pointerTypeCode(String pointerType) {
		return switch (pointerType) {
			case "pen" -> 1;
			case "touch" -> 2;
			default -> 0;
		};
	}

}
