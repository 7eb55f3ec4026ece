package dev.replay.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.replay.core.event.EventType;
import dev.replay.core.event.IncrementalSource;
import dev.replay.core.rrweb.RecordingJson;
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

	private static final byte[] TEXT = "\"text\"".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INPUT_NAME = "\"input\"".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SNAPSHOT_OFFSET = "\"initialOffset\"".getBytes(StandardCharsets.UTF_8);

	/** The shortest typed value masked where the page echoes it. */
	public static final int MIN_ECHO_LENGTH = 4;

	private static final int MAX_KNOWN_VALUES = 64;

	private final Map<Integer, InputAttributes> inputs = new HashMap<>();

	private final Map<Integer, String> typed = new HashMap<>();

	private final Set<String> retired = new LinkedHashSet<>();

	private List<byte[]> echoes = List.of();

	/**
	 * Create a masker for a stream from its start.
	 */
	public InputMasker() {
	}

	/**
	 * Create a masker for a stream from the middle, which masks the values typed before.
	 * @param knownValues the {@link #knownValues()} of a masker that saw the stream up to
	 * there
	 */
	public InputMasker(Collection<String> knownValues) {
		knownValues.forEach(this::retire);
		this.echoes = echoes();
	}

	/**
	 * Mask an event.
	 * @param event the next event of the stream
	 * @return the event, or a masked copy of it
	 */
	public RawEvent mask(RawEvent event) {
		RawEvent masked = maskInputs(event);
		return this.echoes.isEmpty() ? masked : maskEchoes(masked);
	}

	/**
	 * The sensitive values typed so far, for {@link #InputMasker(Collection)}.
	 * @return the values, never to be served
	 */
	public List<String> knownValues() {
		Set<String> values = new LinkedHashSet<>(this.retired);
		values.addAll(this.typed.values());
		return List.copyOf(values);
	}

	private RawEvent maskEchoes(RawEvent event) {
		byte[] json = event.json();
		byte[] result = null;
		for (byte[] echo : this.echoes) {
			byte[] current = (result != null) ? result : json;
			int at = JsonBytes.indexOf(current, echo, 0);
			while (at >= 0) {
				if (JsonBytes.insideString(current, at) && !JsonBytes.isKey(current, at + echo.length)) {
					if (result == null) {
						result = json.clone();
						current = result;
					}
					Arrays.fill(current, at, at + echo.length, (byte) '*');
				}
				at = JsonBytes.indexOf(current, echo, at + echo.length);
			}
		}
		return (result != null) ? new RawEvent(event.timestamp(), result) : event;
	}

	// Only full snapshots, Input events, nodes added with inputs and attribute changes of
	// a page with inputs can carry a value to mask: every other event passes unparsed.
	private boolean mayCarryInputs(byte[] json) {
		return JsonBytes.indexOf(json, INPUT_NAME, 0) >= 0 || JsonBytes.indexOf(json, TEXT, 0) >= 0
				|| JsonBytes.indexOf(json, SNAPSHOT_OFFSET, 0) >= 0
				|| (!this.inputs.isEmpty() && JsonBytes.hasAttributeChanges(json));
	}

	private RawEvent maskInputs(RawEvent event) {
		byte[] json = event.json();
		if (!mayCarryInputs(json)) {
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
		if (type == EventType.FULL_SNAPSHOT.code()) {
			this.inputs.clear();
			this.typed.values().forEach(this::retire);
			this.typed.clear();
			changed = walk(data.path("node"));
		}
		else if (type == EventType.INCREMENTAL_SNAPSHOT.code()) {
			int source = data.path("source").asInt(-1);
			if (source == IncrementalSource.MUTATION.code()) {
				changed = mutation(data);
			}
			else if (source == IncrementalSource.INPUT.code()) {
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
		int id = data.path("id").asInt(-1);
		if (!isSensitive(id) || !data.path("text").isString()) {
			return false;
		}
		learn(id, data.path("text").stringValue());
		return maskProperty(data, "text");
	}

	// remembers the value typed into a sensitive input, to mask it where the page shows
	// it
	private void learn(int id, String value) {
		if (value.length() < MIN_ECHO_LENGTH || value.chars().allMatch((c) -> c == '*')) {
			return;
		}
		String previous = this.typed.put(id, value);
		if (!value.equals(previous)) {
			this.echoes = echoes();
		}
	}

	private void retire(String value) {
		this.retired.remove(value);
		this.retired.add(value);
		if (this.retired.size() > MAX_KNOWN_VALUES) {
			this.retired.remove(this.retired.iterator().next());
		}
	}

	// the JSON string forms of the known values, longest first
	private List<byte[]> echoes() {
		List<byte[]> forms = new ArrayList<>();
		for (String value : knownValues()) {
			String quoted = RecordingJson.mapper().writeValueAsString(value);
			forms.add(quoted.substring(1, quoted.length() - 1).getBytes(StandardCharsets.UTF_8));
		}
		forms.sort(Comparator.comparingInt((byte[] form) -> form.length).reversed());
		return List.copyOf(forms);
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
					learn(id, attributes.path("value").stringValue());
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
				int id = node.path("id").asInt(-1);
				this.inputs.put(id, input);
				if (input.sensitive() && attributes.path("value").isString()) {
					learn(id, attributes.path("value").stringValue());
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

}
