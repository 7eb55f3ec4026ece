package dev.replay.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.replay.core.event.EventType;
import dev.replay.core.event.IncrementalSource;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.timeline.RawEvent;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the elements that CSS selectors match in an rrweb stream. It keeps a mirror of
 * the page (jsoup nodes by rrweb node id) from each full snapshot and the mutations after
 * it, so that a selector is matched against the page as the replayer builds it: an
 * element is covered when it or one of its ancestors matches, at the moment it is added
 * or its attributes change, and everything inside a covered element is masked (text
 * replaced by {@code *} but for white space, attribute values by {@code *} but for those
 * that lay the page out, image sources removed), as are its text changes and the values
 * typed into it. An element that starts to match only later keeps what was shown of it
 * before. Each matching element is marked with {@value #MARKER}, so that a stream played
 * from a keyframe that was itself built redacted (with the attributes the selector looked
 * at masked) still knows which elements are covered. Not thread-safe.
 */
final class SelectorMasking {

	/** The attribute that marks an element a selector matched. */
	static final String MARKER = "data-replay-redacted";

	private static final Set<String> KEPT_ATTRIBUTES = Set.of("id", "class", "style", "type", "rel", "width", "height",
			"rr_width", "rr_height", "rr_mediaState", MARKER);

	private static final Set<String> BLANKED_ATTRIBUTES = Set.of("src", "srcset", "rr_dataURL", "poster");

	private static final byte[] SOURCE = "\"source\"".getBytes(StandardCharsets.UTF_8);

	private final List<Evaluator> selectors;

	private final Map<Integer, Node> nodes = new HashMap<>();

	private final Map<Node, Integer> ids = new IdentityHashMap<>();

	private Element root = new Document("");

	SelectorMasking(List<Evaluator> selectors) {
		this.selectors = List.copyOf(selectors);
	}

	RawEvent mask(RawEvent event) {
		byte[] json = event.json();
		int type = RrwebEventReader.typeOf(json);
		if (type != EventType.FULL_SNAPSHOT.code()
				&& !(type == EventType.INCREMENTAL_SNAPSHOT.code() && mayChangePage(json))) {
			return event;
		}
		JsonNode tree;
		try {
			tree = RecordingJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			return event;
		}
		if (!(tree instanceof ObjectNode object) || !(object.path("data") instanceof ObjectNode data)) {
			return event;
		}
		boolean changed;
		if (type == EventType.FULL_SNAPSHOT.code()) {
			changed = fullSnapshot(data);
		}
		else {
			int source = data.path("source").asInt(-1);
			changed = (source == IncrementalSource.MUTATION.code()) ? mutation(data)
					: (source == IncrementalSource.INPUT.code()) && input(data);
		}
		return changed ? new RawEvent(event.timestamp(), RecordingJson.mapper().writeValueAsBytes(object)) : event;
	}

	// only mutations and inputs change the page or show a value: the mouse moves and
	// scrolls that make most of a stream pass unparsed
	private static boolean mayChangePage(byte[] json) {
		int at = JsonBytes.indexOf(json, SOURCE, 0);
		if (at < 0) {
			return false;
		}
		int i = at + SOURCE.length;
		while (i < json.length
				&& (json[i] == ':' || json[i] == ' ' || json[i] == '\n' || json[i] == '\t' || json[i] == '\r')) {
			i++;
		}
		boolean mutationOrInput = i + 1 < json.length && (json[i] == '0' || json[i] == '5')
				&& !Character.isDigit(json[i + 1]);
		return mutationOrInput || JsonBytes.indexOf(json, SOURCE, at + SOURCE.length) >= 0;
	}

	private boolean fullSnapshot(ObjectNode data) {
		this.nodes.clear();
		this.ids.clear();
		Node built = build(data.path("node"));
		this.root = (built instanceof Element element) ? element : new Document("");
		return maskCovered(data.path("node"), false);
	}

	private boolean mutation(ObjectNode data) {
		for (JsonNode remove : data.path("removes")) {
			Node node = this.nodes.get(remove.path("id").asInt(-1));
			if (node != null) {
				forget(node);
				node.remove();
			}
		}
		boolean changed = adds(data);
		for (JsonNode text : data.path("texts")) {
			Node node = this.nodes.get(text.path("id").asInt(-1));
			if (node instanceof TextNode textNode && text.path("value").isString()) {
				textNode.text(text.path("value").stringValue());
				if (covered(textNode.parent()) && text instanceof ObjectNode change) {
					changed |= maskText(change, "value");
				}
			}
		}
		for (JsonNode change : data.path("attributes")) {
			if (this.nodes.get(change.path("id").asInt(-1)) instanceof Element element
					&& change.path("attributes") instanceof ObjectNode attributes) {
				attributes.properties().forEach((entry) -> {
					if (entry.getValue().isNull()) {
						element.removeAttr(entry.getKey());
					}
					else {
						setAttribute(element, entry.getKey(), entry.getValue());
					}
				});
				if (covered(element)) {
					changed |= maskAttributes(attributes, true);
					if (matches(element) && !attributes.has(MARKER)) {
						attributes.put(MARKER, "");
						element.attr(MARKER, "");
						changed = true;
					}
				}
			}
		}
		return changed;
	}

	// adds whose parent is added later in the same mutation are attached once it is
	private boolean adds(ObjectNode data) {
		List<JsonNode> pending = new ArrayList<>();
		Map<JsonNode, Node> built = new IdentityHashMap<>();
		for (JsonNode add : data.path("adds")) {
			built.put(add, build(add.path("node")));
			pending.add(add);
		}
		boolean progress = true;
		while (progress && !pending.isEmpty()) {
			progress = false;
			for (Iterator<JsonNode> it = pending.iterator(); it.hasNext();) {
				JsonNode add = it.next();
				if (this.nodes.get(add.path("parentId").asInt(-1)) instanceof Element parent) {
					attach(parent, built.get(add), this.nodes.get(add.path("nextId").asInt(-1)));
					it.remove();
					progress = true;
				}
			}
		}
		boolean changed = false;
		for (JsonNode add : data.path("adds")) {
			Node node = built.get(add);
			changed |= maskCovered(add.path("node"), node != null && covered(node.parent()));
		}
		return changed;
	}

	private static void attach(Element parent, @Nullable Node child, @Nullable Node next) {
		if (child == null) {
			return;
		}
		if (next != null && next.parent() == parent) {
			next.before(child);
		}
		else {
			parent.appendChild(child);
		}
	}

	private boolean input(ObjectNode data) {
		Node node = this.nodes.get(data.path("id").asInt(-1));
		return node != null && covered(node) && maskText(data, "text");
	}

	// builds the jsoup nodes of a serialized subtree breadth first, so that deep trees
	// cannot exhaust the stack and children keep their order
	private @Nullable Node build(JsonNode serialized) {
		Node top = null;
		ArrayDeque<Map.Entry<JsonNode, @Nullable Element>> queue = new ArrayDeque<>();
		queue.add(new AbstractMap.SimpleEntry<>(serialized, null));
		while (!queue.isEmpty()) {
			Map.Entry<JsonNode, @Nullable Element> next = queue.poll();
			JsonNode json = next.getKey();
			Node node = node(json);
			int id = json.path("id").asInt(-1);
			Node previous = this.nodes.put(id, node);
			if (previous != null) {
				this.ids.remove(previous);
			}
			this.ids.put(node, id);
			Element parent = next.getValue();
			if (parent != null) {
				parent.appendChild(node);
			}
			else {
				top = node;
			}
			if (node instanceof Element element) {
				for (JsonNode child : json.path("childNodes")) {
					queue.add(new AbstractMap.SimpleEntry<>(child, element));
				}
			}
		}
		return top;
	}

	private static Node node(JsonNode json) {
		int type = json.path("type").asInt(-1);
		if (type == 0) {
			return new Document("");
		}
		if (type == 3) {
			return new TextNode(json.path("textContent").asString(""));
		}
		String tag = json.path("tagName").asString("");
		if (type != 2 || tag.isBlank()) {
			return new Comment("");
		}
		Element element;
		try {
			element = new Element(tag);
		}
		catch (IllegalArgumentException ex) {
			element = new Element("unknown");
		}
		Element target = element;
		json.path("attributes").properties().forEach((entry) -> setAttribute(target, entry.getKey(), entry.getValue()));
		return element;
	}

	private static void setAttribute(Element element, String name, JsonNode value) {
		try {
			element.attr(name, value.isString() ? value.stringValue() : value.asString(""));
		}
		catch (IllegalArgumentException ex) {
			// a name jsoup refuses cannot be matched by a selector either
		}
	}

	private void forget(Node node) {
		ArrayDeque<Node> pending = new ArrayDeque<>();
		pending.push(node);
		while (!pending.isEmpty()) {
			Node next = pending.pop();
			Integer id = this.ids.remove(next);
			if (id != null && this.nodes.get(id) == next) {
				this.nodes.remove(id);
			}
			next.childNodes().forEach(pending::push);
		}
	}

	// whether a node is, or is inside, an element that a selector matches
	private boolean covered(@Nullable Node node) {
		Node current = node;
		while (current != null) {
			if (current instanceof Element element && !(element instanceof Document) && matches(element)) {
				return true;
			}
			current = current.parent();
		}
		return false;
	}

	private boolean matches(Element element) {
		if (element.hasAttr(MARKER)) {
			return true;
		}
		for (Evaluator selector : this.selectors) {
			try {
				if (selector.matches(this.root, element)) {
					return true;
				}
			}
			catch (RuntimeException ex) {
				// a pseudo-class that cannot be evaluated on this page matches nothing
			}
		}
		return false;
	}

	// masks a serialized subtree where it is covered, iteratively
	private boolean maskCovered(JsonNode serialized, boolean insideCovered) {
		boolean changed = false;
		ArrayDeque<Map.Entry<JsonNode, Boolean>> pending = new ArrayDeque<>();
		pending.push(Map.entry(serialized, insideCovered));
		while (!pending.isEmpty()) {
			Map.Entry<JsonNode, Boolean> next = pending.pop();
			JsonNode json = next.getKey();
			boolean covered = next.getValue();
			boolean matched = false;
			if (!covered && this.nodes.get(json.path("id").asInt(-1)) instanceof Element element
					&& !(element instanceof Document)) {
				matched = matches(element);
				covered = matched;
			}
			if (covered && json instanceof ObjectNode object) {
				if (object.path("attributes") instanceof ObjectNode attributes) {
					changed |= maskAttributes(attributes, false);
					if (matched && !attributes.has(MARKER)) {
						attributes.put(MARKER, "");
						changed = true;
					}
				}
				if (object.path("textContent").isString()) {
					changed |= maskText(object, "textContent");
				}
			}
			for (JsonNode child : json.path("childNodes")) {
				pending.push(Map.entry(child, covered));
			}
		}
		return changed;
	}

	// masks attribute values; images and media lose their sources, which a change
	// removes
	private static boolean maskAttributes(ObjectNode attributes, boolean change) {
		boolean changed = false;
		for (Map.Entry<String, JsonNode> attribute : new ArrayList<>(attributes.properties())) {
			String name = attribute.getKey();
			if (KEPT_ATTRIBUTES.contains(name)) {
				continue;
			}
			if (BLANKED_ATTRIBUTES.contains(name)) {
				if (change) {
					changed |= !attributes.path(name).isNull();
					attributes.putNull(name);
				}
				else {
					attributes.remove(name);
					changed = true;
				}
			}
			else if (attributes.path(name).isString()) {
				changed |= maskText(attributes, name);
			}
		}
		return changed;
	}

	private static boolean maskText(ObjectNode object, String name) {
		if (!object.path(name).isString()) {
			return false;
		}
		String value = object.path(name).stringValue();
		StringBuilder masked = new StringBuilder(value.length());
		value.codePoints()
			.forEach((c) -> masked.append(Character.isWhitespace(c) ? Character.toChars(c) : new char[] { '*' }));
		if (masked.toString().equals(value)) {
			return false;
		}
		object.put(name, masked.toString());
		return true;
	}

}
