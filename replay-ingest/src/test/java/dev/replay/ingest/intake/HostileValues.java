package dev.replay.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds for the intake fuzzing: a JSON document again with one field at a time (every
 * field down to a few levels, the first two items of each array) holding each hostile
 * value: control characters (NUL included), huge and negative numbers, 1e18, 2^70, far
 * dates, wrong types and a huge string.
 */
final class HostileValues {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The values, as JSON text. */
	static final List<String> VALUES = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\\u007f\\u0085\"", "-1",
			"-9223372036854775809", "-1e18", "1e18", "1000000000000000000", "1180591620717411303424", "4102444800000",
			"946684800000", "1.5e308", "true", "{}", "[]", "null", "\"" + "x".repeat(20_000) + "\"");

	private static final int MAX_DEPTH = 4;

	private static final int ARRAY_ITEMS = 2;

	private HostileValues() {
	}

	/**
	 * Every variant of a document with one field replaced by one hostile value.
	 * @param json the document
	 * @return the variants, as UTF-8 JSON
	 */
	static List<byte[]> variants(String json) {
		JsonNode root = JSON.readTree(json);
		List<byte[]> variants = new ArrayList<>();
		for (String value : VALUES) {
			JsonNode hostile = JSON.readTree(value);
			walk(root, 0, (replace) -> {
				JsonNode copy = root.deepCopy();
				replace.accept(new Target(copy, hostile));
				variants.add(JSON.writeValueAsString(copy).getBytes(StandardCharsets.UTF_8));
			});
		}
		return variants;
	}

	// calls back once per field, with how to replace that field in a copy of the root
	private static void walk(JsonNode node, int depth, Consumer<Consumer<Target>> each) {
		walk(node, depth, each, List.of());
	}

	private static void walk(JsonNode node, int depth, Consumer<Consumer<Target>> each, List<Object> path) {
		if (depth >= MAX_DEPTH) {
			return;
		}
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				List<Object> child = append(path, name);
				each.accept((target) -> target.set(child));
				walk(object.get(name), depth + 1, each, child);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < Math.min(array.size(), ARRAY_ITEMS); i++) {
				List<Object> child = append(path, i);
				each.accept((target) -> target.set(child));
				walk(array.get(i), depth + 1, each, child);
			}
		}
	}

	private static List<Object> append(List<Object> path, Object step) {
		List<Object> longer = new ArrayList<>(path);
		longer.add(step);
		return longer;
	}

	/**
	 * A copy of the root and the value to put at a path in it.
	 */
	private record Target(JsonNode root, JsonNode value) {

		void set(List<Object> path) {
			JsonNode parent = this.root;
			for (int i = 0; i < path.size() - 1; i++) {
				parent = (path.get(i) instanceof Integer index) ? parent.get(index) : parent.get((String) path.get(i));
			}
			Object last = path.get(path.size() - 1);
			if (parent instanceof ObjectNode object) {
				object.set((String) last, this.value);
			}
			else if (parent instanceof ArrayNode array) {
				array.set((Integer) last, this.value);
			}
		}

	}

}
