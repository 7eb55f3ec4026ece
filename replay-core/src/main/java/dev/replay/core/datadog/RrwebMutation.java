package dev.replay.core.datadog;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the data of an rrweb Mutation (incremental source 0), which rrweb applies as
 * removes, then adds, then text and attribute changes.
 */
final class RrwebMutation {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final ObjectNode data = RrwebEvents.source(RrwebEvents.MUTATION);

	private final ArrayNode texts = this.data.putArray("texts");

	private final ArrayNode attributes = this.data.putArray("attributes");

	private final ArrayNode removes = this.data.putArray("removes");

	private final ArrayNode adds = this.data.putArray("adds");

	RrwebMutation remove(int parentId, int id) {
		this.removes.addObject().put("parentId", parentId).put("id", id);
		return this;
	}

	RrwebMutation add(int parentId, @Nullable Integer nextId, JsonNode node) {
		this.adds.addObject().put("parentId", parentId).put("nextId", nextId).set("node", node);
		return this;
	}

	RrwebMutation text(int id, JsonNode value) {
		this.texts.addObject().put("id", id).set("value", value);
		return this;
	}

	RrwebMutation attributes(int id, JsonNode values) {
		this.attributes.addObject().put("id", id).set("attributes", values);
		return this;
	}

	/**
	 * Add the attribute changes between two renderings of an element.
	 * @param id the element's id
	 * @param before the attributes before
	 * @param after the attributes after
	 * @return this mutation
	 */
	RrwebMutation attributeChanges(int id, Map<String, String> before, Map<String, String> after) {
		ObjectNode changed = JSON.objectNode();
		after.forEach((name, value) -> {
			if (!value.equals(before.get(name))) {
				changed.put(name, value);
			}
		});
		before.keySet().stream().filter((name) -> !after.containsKey(name)).forEach(changed::putNull);
		return changed.isEmpty() ? this : attributes(id, changed);
	}

	boolean hasAdds() {
		return !this.adds.isEmpty();
	}

	ObjectNode data() {
		return this.data;
	}

}
