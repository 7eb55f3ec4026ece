package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wireframes currently on a mobile screen, in drawing order, and their rrweb nodes:
 * renders full snapshots as documents and turns wireframe mutations (removes, adds after
 * a {@code previousId}, sparse updates) into rrweb mutations. Each wireframe id keeps the
 * same rrweb node ids for the whole session.
 */
final class MobileScreen {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final WireframeRenderer renderer;

	private final WebviewSlots webviews;

	private final Map<Long, int[]> ids = new HashMap<>();

	private final Map<Long, Shown> shown = new HashMap<>();

	private final List<Long> order = new ArrayList<>();

	private int nextId = MobileDocument.FIRST_FREE_ID;

	private int width;

	private int height;

	private boolean rendered;

	MobileScreen(WireframeRenderer renderer, WebviewSlots webviews) {
		this.renderer = renderer;
		this.webviews = webviews;
	}

	boolean isRendered() {
		return this.rendered;
	}

	int width() {
		return this.width;
	}

	int height() {
		return this.height;
	}

	boolean hasSize(int width, int height) {
		return this.width == width && this.height == height;
	}

	/**
	 * Render a full snapshot.
	 * @param wireframes the wireframes, back to front
	 * @return the rrweb document node
	 */
	ObjectNode fullSnapshot(JsonNode wireframes) {
		this.shown.clear();
		this.order.clear();
		this.webviews.unmountAll();
		for (JsonNode wireframe : wireframes) {
			long id = wireframeId(wireframe);
			this.order.remove(id);
			this.order.add(id);
			this.shown.put(id, new Shown(((ObjectNode) wireframe).deepCopy(), this.renderer.render(wireframe)));
		}
		ArrayNode elements = JSON.arrayNode();
		this.order.forEach((id) -> elements.add(node(id)));
		this.rendered = true;
		return MobileDocument.render(this.width, this.height, elements);
	}

	/**
	 * Convert a wireframe mutation: removes, then adds, then updates.
	 * @param data the mutation data
	 * @return rrweb mutation data, none if nothing is rendered yet
	 */
	List<ObjectNode> mutation(JsonNode data) {
		if (!this.rendered) {
			return List.of();
		}
		RrwebMutation mutation = new RrwebMutation();
		for (JsonNode remove : data.path("removes")) {
			remove(wireframeId(remove), mutation);
		}
		for (JsonNode add : data.path("adds")) {
			JsonNode wireframe = add.path("wireframe");
			long id = wireframeId(wireframe);
			remove(id, mutation);
			int index = add.path("previousId").isIntegralNumber()
					? this.order.indexOf(add.path("previousId").asLong()) + 1 : 0;
			if (index == 0 && add.path("previousId").isIntegralNumber()) {
				index = this.order.size();
			}
			this.order.add(index, id);
			this.shown.put(id, new Shown(((ObjectNode) wireframe).deepCopy(), this.renderer.render(wireframe)));
			addNode(id, mutation);
		}
		RrwebMutation replacements = new RrwebMutation();
		for (JsonNode update : data.path("updates")) {
			update(update, mutation, replacements);
		}
		return replacements.hasAdds() ? List.of(mutation.data(), replacements.data()) : List.of(mutation.data());
	}

	/**
	 * Change the screen size.
	 * @param width the new width
	 * @param height the new height
	 * @return the rrweb attribute mutation of the root container, or {@code null} if
	 * nothing is rendered yet
	 */
	@Nullable ObjectNode resize(int width, int height) {
		this.width = width;
		this.height = height;
		if (!this.rendered) {
			return null;
		}
		ObjectNode attributes = JSON.objectNode();
		MobileDocument.rootAttributes(width, height).forEach(attributes::put);
		return new RrwebMutation().attributes(MobileDocument.ROOT_ID, attributes).data();
	}

	private void update(JsonNode update, RrwebMutation mutation, RrwebMutation replacements) {
		long id = wireframeId(update);
		Shown before = this.shown.get(id);
		if (before == null) {
			return;
		}
		ObjectNode wireframe = before.wireframe().deepCopy();
		update.properties().forEach((field) -> wireframe.set(field.getKey(), field.getValue()));
		Shown after = new Shown(wireframe, this.renderer.render(wireframe));
		this.shown.put(id, after);
		int[] nodeIds = this.ids.get(id);
		if (!before.structure().equals(after.structure())) {
			if (WireframeRenderer.KIND_WEBVIEW.equals(before.rendering().kind())) {
				this.webviews.unmounted(before.wireframe());
			}
			replacements.remove(MobileDocument.ROOT_ID, nodeIds[0]);
			addNode(id, replacements);
			return;
		}
		mutation.attributeChanges(nodeIds[0], before.rendering().attributes(), after.rendering().attributes());
		mutation.attributeChanges(nodeIds[1], before.rendering().innerAttributes(),
				after.rendering().innerAttributes());
		String text = after.rendering().text();
		if (text != null && !text.equals(before.rendering().text())) {
			mutation.text(nodeIds[2], JSON.stringNode(text));
		}
		if (WireframeRenderer.KIND_WEBVIEW.equals(after.rendering().kind())) {
			this.webviews.mounted(after.wireframe(), nodeIds[0]);
		}
	}

	private void remove(long id, RrwebMutation mutation) {
		int index = this.order.indexOf(id);
		if (index < 0) {
			return;
		}
		Shown removed = this.shown.remove(id);
		if (removed != null && WireframeRenderer.KIND_WEBVIEW.equals(removed.rendering().kind())) {
			this.webviews.unmounted(removed.wireframe());
		}
		this.order.remove(index);
		mutation.remove(MobileDocument.ROOT_ID, this.ids.get(id)[0]);
	}

	private void addNode(long id, RrwebMutation mutation) {
		int index = this.order.indexOf(id);
		Integer nextId = (index + 1 < this.order.size()) ? this.ids.get(this.order.get(index + 1))[0] : null;
		mutation.add(MobileDocument.ROOT_ID, nextId, node(id));
	}

	private ObjectNode node(long id) {
		Shown wireframe = Objects.requireNonNull(this.shown.get(id));
		int[] nodeIds = this.ids.computeIfAbsent(id,
				(key) -> new int[] { this.nextId++, this.nextId++, this.nextId++ });
		ObjectNode node = wireframe.rendering().toNode(nodeIds);
		if (WireframeRenderer.KIND_WEBVIEW.equals(wireframe.rendering().kind())) {
			node.set("childNodes", this.webviews.mounted(wireframe.wireframe(), nodeIds[0]));
		}
		return node;
	}

	private static long wireframeId(JsonNode wireframe) {
		if (!wireframe.isObject() || !wireframe.path("id").isIntegralNumber()) {
			throw new DatadogFormatException("Wireframe needs an integer 'id'");
		}
		return wireframe.path("id").asLong();
	}

	/**
	 * A wireframe on the screen with all its current fields and its rendering.
	 *
	 * @param wireframe the wireframe
	 * @param rendering how it is rendered
	 */
	private record Shown(ObjectNode wireframe, WireframeRenderer.Rendering rendering) {

		String structure() {
			return this.rendering.kind() + "|" + this.rendering.attributes().getOrDefault("data-slot-id", "");
		}

	}

}
