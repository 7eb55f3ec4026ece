package dev.replay.core.playback;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import dev.replay.core.dom.NodeType;
import dev.replay.core.event.EventType;
import dev.replay.core.event.IncrementalSource;
import dev.replay.core.privacy.JsonBytes;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.timeline.RawEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a change of a linked style sheet visible on replay. A recorder that inlines the
 * rules of a linked sheet as the link's {@code _cssText} records a later change of its
 * {@code href} alone; rrweb's replayer builds such a link as a style element, on which a
 * new {@code href} changes nothing, so the replay kept the old sheet. Such a change gets
 * a {@code _cssText} that imports the new sheet, which the replayer applies as it applies
 * a recorded {@code _cssText}, and which the keyframes built from the stream keep.
 * Follows the inlined links of full snapshots and added nodes, so events must be passed
 * in stream order; events that cannot hold such a link or change pass through unparsed.
 * Not thread-safe.
 */
public final class LinkedStyleSheets {

	private static final byte[] CSS_TEXT = "\"_cssText\"".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SNAPSHOT_OFFSET = "\"initialOffset\"".getBytes(StandardCharsets.UTF_8);

	private static final byte[] HREF = "\"href\"".getBytes(StandardCharsets.UTF_8);

	// a Meta event is small; a larger event with an href is no Meta
	private static final int MAX_META_BYTES = 8192;

	private final Set<Integer> inlinedLinks = new HashSet<>();

	private @Nullable URI page;

	/**
	 * Take the next event of the stream.
	 * @param event the event
	 * @return the event, or a copy whose href changes of inlined links import the new
	 * sheet
	 */
	public RawEvent apply(RawEvent event) {
		byte[] json = event.json();
		boolean mayInline = JsonBytes.indexOf(json, CSS_TEXT, 0) >= 0
				|| (!this.inlinedLinks.isEmpty() && JsonBytes.indexOf(json, SNAPSHOT_OFFSET, 0) >= 0);
		boolean maySwap = !this.inlinedLinks.isEmpty() && JsonBytes.indexOf(json, HREF, 0) >= 0
				&& JsonBytes.hasAttributeChanges(json);
		boolean mayBeMeta = !maySwap && json.length <= MAX_META_BYTES && JsonBytes.indexOf(json, HREF, 0) >= 0;
		if (!mayInline && !maySwap && !mayBeMeta) {
			return event;
		}
		JsonNode tree;
		try {
			tree = RecordingJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			return event;
		}
		JsonNode data = tree.path("data");
		int type = tree.path("type").asInt(-1);
		if (type == EventType.META.code()) {
			this.page = uri(data.path("href").asString(null));
			return event;
		}
		if (type == EventType.FULL_SNAPSHOT.code()) {
			this.inlinedLinks.clear();
			follow(data.path("node"));
			return event;
		}
		if (type != EventType.INCREMENTAL_SNAPSHOT.code()
				|| data.path("source").asInt(-1) != IncrementalSource.MUTATION.code()) {
			return event;
		}
		for (JsonNode added : data.path("adds")) {
			follow(added.path("node"));
		}
		boolean changed = false;
		for (JsonNode change : data.path("attributes")) {
			if (this.inlinedLinks.contains(change.path("id").asInt(-1))
					&& change.path("attributes") instanceof ObjectNode attributes) {
				changed |= importNewSheet(attributes, this.page);
			}
		}
		return changed ? new RawEvent(event.timestamp(), RecordingJson.mapper().writeValueAsBytes(tree)) : event;
	}

	// the new sheet's URL made absolute against the page's, as rrweb writes URLs (the
	// Datadog SDK records the attribute as the page wrote it)
	private static boolean importNewSheet(ObjectNode attributes, @Nullable URI page) {
		JsonNode href = attributes.path("href");
		if (!href.isString() || attributes.has("_cssText")) {
			return false;
		}
		String url = href.stringValue();
		URI resolved = (page != null) ? uri(url) : null;
		if (resolved != null && !resolved.isAbsolute()) {
			url = page.resolve(resolved).toString();
		}
		attributes.put("_cssText", "@import url(\"" + escaped(url) + "\");");
		return true;
	}

	private static @Nullable URI uri(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	// a URL as the content of a double-quoted CSS string
	private static String escaped(String url) {
		StringBuilder css = new StringBuilder(url.length());
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '"' || c == '\\') {
				css.append('\\').append(c);
			}
			else if (c < 0x20 || c == 0x7f) {
				css.append('\\').append(Integer.toHexString(c)).append(' ');
			}
			else {
				css.append(c);
			}
		}
		return css.toString();
	}

	private void follow(JsonNode root) {
		Deque<JsonNode> nodes = new ArrayDeque<>();
		nodes.push(root);
		while (!nodes.isEmpty()) {
			JsonNode node = nodes.pop();
			if (node.path("type").asInt(-1) == NodeType.ELEMENT.code()
					&& "link".equals(node.path("tagName").asString(""))
					&& node.path("attributes").path("_cssText").isString()) {
				this.inlinedLinks.add(node.path("id").asInt(-1));
			}
			node.path("childNodes").forEach(nodes::push);
		}
	}

}
