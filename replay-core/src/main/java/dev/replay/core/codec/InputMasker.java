package dev.replay.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.replay.core.timeline.RawEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The privacy floor applied to a session's event stream, whatever its recorder masked:
 * the values of password, email, tel and payment-card inputs become {@code *} of the same
 * length, in Input events and in the {@code value} attributes of full snapshots and
 * mutations. It follows the inputs of the page from its full snapshots and the nodes that
 * mutations add or retype, so events must be passed in stream order. Events that cannot
 * carry such a value pass through without being parsed. Not thread-safe.
 */
public final class InputMasker {

	private static final Pattern CARD_NAME = Pattern
		.compile("(?i).*(card|cvc|cvv|cc-?num|cc-?exp|cc-?csc|ccnum|creditcard|credit-card).*");

	private static final byte[] TEXT = "\"text\"".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ATTRIBUTES = "\"attributes\"".getBytes(StandardCharsets.UTF_8);

	private static final int FULL_SNAPSHOT = 2;

	private static final int INCREMENTAL = 3;

	private static final int MUTATION = 0;

	private static final int INPUT = 5;

	private final Map<Integer, InputAttributes> inputs = new HashMap<>();

	/**
	 * Mask an event.
	 * @param event the next event of the stream
	 * @return the event, or a masked copy of it
	 */
	public RawEvent mask(RawEvent event) {
		byte[] json = event.json();
		if (indexOf(json, TEXT) < 0 && indexOf(json, ATTRIBUTES) < 0) {
			return event;
		}
		JsonNode tree;
		try {
			tree = RecordingJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			return event;
		}
		if (!(tree instanceof ObjectNode root) || !(root.path("data") instanceof ObjectNode data)) {
			return event;
		}
		int type = root.path("type").asInt(-1);
		boolean changed = false;
		if (type == FULL_SNAPSHOT) {
			this.inputs.clear();
			changed = walk(data.path("node"));
		}
		else if (type == INCREMENTAL) {
			int source = data.path("source").asInt(-1);
			if (source == MUTATION) {
				changed = mutation(data);
			}
			else if (source == INPUT) {
				changed = input(data);
			}
		}
		return changed ? new RawEvent(event.timestamp(), RecordingJson.mapper().writeValueAsBytes(root)) : event;
	}

	/**
	 * Whether the stream so far has a sensitive input of this node id.
	 * @param id the node id
	 * @return whether its value is masked
	 */
	public boolean isSensitive(int id) {
		InputAttributes input = this.inputs.get(id);
		return input != null && input.sensitive();
	}

	private boolean input(ObjectNode data) {
		if (!isSensitive(data.path("id").asInt(-1)) || !data.path("text").isString()) {
			return false;
		}
		return maskProperty(data, "text");
	}

	private boolean mutation(ObjectNode data) {
		boolean changed = false;
		for (JsonNode add : data.path("adds")) {
			changed |= walk(add.path("node"));
		}
		for (JsonNode change : data.path("attributes")) {
			if (!(change.path("attributes") instanceof ObjectNode attributes)) {
				continue;
			}
			int id = change.path("id").asInt(-1);
			InputAttributes input = this.inputs.get(id);
			if (input != null) {
				input.update(attributes);
				if (input.sensitive() && attributes.path("value").isString()) {
					changed |= maskProperty(attributes, "value");
				}
			}
		}
		return changed;
	}

	// Records the inputs of a serialized subtree and masks their values, iteratively so
	// that deep trees cannot exhaust the stack.
	private boolean walk(JsonNode root) {
		boolean changed = false;
		ArrayDeque<JsonNode> pending = new ArrayDeque<>();
		pending.push(root);
		while (!pending.isEmpty()) {
			JsonNode node = pending.pop();
			if ("input".equalsIgnoreCase(node.path("tagName").asString(""))
					&& node.path("attributes") instanceof ObjectNode attributes) {
				InputAttributes input = new InputAttributes();
				input.update(attributes);
				this.inputs.put(node.path("id").asInt(-1), input);
				if (input.sensitive() && attributes.path("value").isString()) {
					changed |= maskProperty(attributes, "value");
				}
			}
			for (JsonNode child : node.path("childNodes")) {
				pending.push(child);
			}
		}
		return changed;
	}

	private static boolean maskProperty(ObjectNode object, String name) {
		String value = object.path(name).stringValue();
		String masked = "*".repeat(value.length());
		if (masked.equals(value)) {
			return false;
		}
		object.put(name, masked);
		return true;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		int last = haystack.length - needle.length;
		byte first = needle[0];
		for (int i = 0; i <= last; i++) {
			if (haystack[i] != first) {
				continue;
			}
			int j = 1;
			while (j < needle.length && haystack[i + j] == needle[j]) {
				j++;
			}
			if (j == needle.length) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The attributes of an input that decide whether its value is sensitive.
	 */
	private static final class InputAttributes {

		private String type = "";

		private String autocomplete = "";

		private String name = "";

		private String id = "";

		void update(ObjectNode attributes) {
			this.type = attribute(attributes, "type", this.type);
			this.autocomplete = attribute(attributes, "autocomplete", this.autocomplete);
			this.name = attribute(attributes, "name", this.name);
			this.id = attribute(attributes, "id", this.id);
		}

		boolean sensitive() {
			return switch (this.type) {
				case "password", "email", "tel" -> true;
				default -> this.autocomplete.startsWith("cc-") || CARD_NAME.matcher(this.name).matches()
						|| CARD_NAME.matcher(this.id).matches();
			};
		}

		private static String attribute(ObjectNode attributes, String name, String current) {
			JsonNode value = attributes.get(name);
			if (value == null) {
				return current;
			}
			return value.isString() ? value.stringValue().trim().toLowerCase(Locale.ROOT) : "";
		}

	}

}
