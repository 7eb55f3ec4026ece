package dev.replay.core.datadog;

import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts Datadog IncrementalSnapshot records ({@code type: 3}): rrweb-compatible
 * sources pass through, Input gets the fields rrweb requires, V1 mutations get the
 * shadow-root and URL rewrites, and pointer interactions become mouse or touch events.
 */
final class IncrementalConverter {

	private static final int POINTER_INTERACTION = 9;

	private final UrlResolver urls;

	IncrementalConverter(UrlResolver urls) {
		this.urls = urls;
	}

	void convert(ViewState state, JsonNode record, long timestamp, Consumer<ObjectNode> out) {
		if (!(record.path("data") instanceof ObjectNode data) || !data.path("source").isIntegralNumber()) {
			throw new DatadogFormatException("IncrementalSnapshot record needs a data object with a source");
		}
		switch (data.path("source").intValue()) {
			case RrwebEvents.MUTATION -> {
				mutation(state, data, timestamp, out);
				return;
			}
			case RrwebEvents.INPUT -> input(state, data);
			case RrwebEvents.STYLE_SHEET_RULE -> data.path("adds").forEach((add) -> {
				if (add instanceof ObjectNode rule && rule.path("rule").isString()) {
					rule.put("rule", this.urls.css(rule.path("rule").stringValue(), null));
				}
			});
			case POINTER_INTERACTION -> {
				out.accept(RrwebEvents.incremental(timestamp, PointerEvents.toRrweb(data, 0)));
				return;
			}
			case RrwebEvents.MOUSE_MOVE, RrwebEvents.MOUSE_INTERACTION, RrwebEvents.SCROLL, RrwebEvents.VIEWPORT_RESIZE,
					RrwebEvents.TOUCH_MOVE, RrwebEvents.MEDIA_INTERACTION -> {
				// same shape in rrweb
			}
			default -> {
				out.accept(RrwebEvents.custom(timestamp, RrwebEvents.UNKNOWN_TAG, record));
				return;
			}
		}
		out.accept(RrwebEvents.incremental(timestamp, data));
	}

	private void input(ViewState state, ObjectNode data) {
		VNode node = state.document.find(data.path("id").asInt(-1));
		if (!data.path("text").isString()) {
			String value = (node != null) ? node.attributes.get("value") : null;
			data.put("text", (value != null) ? value : "on");
		}
		if (!data.path("isChecked").isBoolean()) {
			data.put("isChecked", false);
		}
	}

	private void mutation(ViewState state, ObjectNode data, long timestamp, Consumer<ObjectNode> out) {
		JsonNode recordedAdds = data.path("adds");
		ArrayNode adds = data.putArray("adds");
		V1NodeRewriter rewriter = new V1NodeRewriter(state, this.urls);
		for (JsonNode add : recordedAdds) {
			if (!(add instanceof ObjectNode addNode) || !(add.path("node") instanceof ObjectNode node)) {
				throw new DatadogFormatException("Mutation add needs a node object");
			}
			int parentId = addNode.path("parentId").asInt();
			Integer host = state.shadowHosts.get(parentId);
			int effectiveParent = (host != null) ? host : parentId;
			for (ObjectNode rewritten : rewriter.rewrite(node, effectiveParent, host != null)) {
				ObjectNode copy = addNode.deepCopy();
				copy.put("parentId", effectiveParent);
				copy.set("node", rewritten);
				adds.add(copy);
			}
		}
		for (JsonNode remove : data.path("removes")) {
			Integer host = state.shadowHosts.get(remove.path("parentId").asInt());
			if (host != null && remove instanceof ObjectNode removeNode) {
				removeNode.put("parentId", host).put("isShadow", true);
			}
		}
		for (JsonNode attribute : data.path("attributes")) {
			if (attribute.path("attributes") instanceof ObjectNode values) {
				rewriter.resolveAttributes("", values);
			}
		}
		out.accept(RrwebEvents.incremental(timestamp, data));
		rewriter.adoptedStyleSheets().forEach((adopted) -> out.accept(RrwebEvents.incremental(timestamp, adopted)));
	}

}
