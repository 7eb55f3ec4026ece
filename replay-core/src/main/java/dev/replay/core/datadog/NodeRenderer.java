package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders {@link VNode}s as rrweb serialized nodes: sizes, attached style sheets, scroll,
 * media and form state become rrweb's virtual attributes, shadow roots are flattened into
 * their host, and relative URLs are made absolute.
 */
final class NodeRenderer {

	static final String CSS_TEXT = "_cssText";

	static final String DATA_URL = "rr_dataURL";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final VDocument document;

	private final UrlResolver urls;

	NodeRenderer(VDocument document, UrlResolver urls) {
		this.document = document;
		this.urls = urls;
	}

	/**
	 * Render a node added by a mutation: a fragment stands for its children.
	 * @param node the added node
	 * @return the rrweb nodes, never {@code null}
	 */
	List<ObjectNode> renderAdded(VNode node) {
		List<ObjectNode> rendered = new ArrayList<>();
		if (node.isFragment()) {
			node.children.forEach((child) -> rendered.add(render(child, true)));
		}
		else {
			rendered.add(render(node, isShadowChild(node)));
		}
		return rendered;
	}

	ObjectNode render(VNode node, boolean shadow) {
		ObjectNode rendered = JSON.objectNode();
		switch (node.kind) {
			case DOCUMENT -> rendered.put("type", 0).set("childNodes", children(node, rendered));
			case DOCTYPE -> rendered.put("type", 1)
				.put("name", node.name)
				.put("publicId", node.publicId)
				.put("systemId", node.systemId);
			case ELEMENT -> renderElement(node, rendered);
			case TEXT -> {
				rendered.put("type", 3).put("textContent", node.text);
				if (node.parent != null && node.parent.isElement("style")) {
					rendered.put("isStyle", true);
				}
			}
			case CDATA -> rendered.put("type", 4).put("textContent", "");
			case FRAGMENT -> rendered.put("type", 0).set("childNodes", children(node, rendered));
		}
		rendered.put("id", node.id);
		if (shadow) {
			rendered.put("isShadow", true);
		}
		return rendered;
	}

	/**
	 * Return an attribute value as rrweb replays it.
	 * @param node the element
	 * @param name the attribute name
	 * @param value the recorded value
	 * @return the value with absolute URLs
	 */
	String attributeValue(VNode node, String name, String value) {
		if (CSS_TEXT.equals(name)) {
			return this.urls.css(value, linkHref(node));
		}
		return this.urls.attribute(node.name, name, value);
	}

	private void renderElement(VNode node, ObjectNode rendered) {
		rendered.put("type", 2).put("tagName", node.name);
		ObjectNode attributes = rendered.putObject("attributes");
		for (Map.Entry<String, String> attribute : node.attributes.entrySet()) {
			attributes.put(attribute.getKey(), attributeValue(node, attribute.getKey(), attribute.getValue()));
		}
		if (node.size != null) {
			attributes.put("rr_width", pixels(node.size[0])).put("rr_height", pixels(node.size[1]));
		}
		if (!node.styleSheets.isEmpty()) {
			attributes.put(CSS_TEXT, attributeValue(node, CSS_TEXT, cssText(this.document, node)));
		}
		if (node.scroll != null && (node.scroll[0] != 0 || node.scroll[1] != 0)) {
			attributes.put("rr_scrollLeft", node.scroll[0]).put("rr_scrollTop", node.scroll[1]);
		}
		if (node.mediaState != null) {
			attributes.put("rr_mediaState", (node.mediaState == 0) ? "played" : "paused");
		}
		if (node.inputValue != null) {
			attributes.put("value", node.inputValue);
		}
		if (node.selection != null) {
			String property = node.isElement("option") ? "selected" : "checked";
			if (node.selection == 0) {
				attributes.put(property, "");
			}
			else {
				attributes.remove(property);
			}
		}
		rendered.set("childNodes", children(node, rendered));
		if (node.svg) {
			rendered.put("isSVG", true);
		}
	}

	private ArrayNode children(VNode node, ObjectNode rendered) {
		ArrayNode children = JSON.arrayNode();
		for (VNode child : node.children) {
			if (child.isFragment() && node.kind == VNode.Kind.ELEMENT) {
				rendered.put("isShadowHost", true);
				child.children.forEach((shadowChild) -> children.add(render(shadowChild, true)));
			}
			else if (child.isFragment()) {
				child.children.forEach((fragmentChild) -> children.add(render(fragmentChild, false)));
			}
			else {
				children.add(render(child, false));
			}
		}
		return children;
	}

	private @Nullable String linkHref(VNode node) {
		String href = node.attributes.get("href");
		return (node.isElement("link") && href != null) ? this.urls.url(href) : null;
	}

	static boolean isShadowChild(VNode node) {
		return node.parent != null && node.parent.isFragment() && node.parent.parent != null
				&& node.parent.parent.kind == VNode.Kind.ELEMENT;
	}

	static String cssText(VDocument document, VNode node) {
		StringBuilder css = new StringBuilder();
		node.styleSheets.forEach((sheetId) -> css.append(document.styleSheet(sheetId).cssText()));
		return css.toString();
	}

	static String pixels(double value) {
		return number(value) + "px";
	}

	static String number(double value) {
		return (value == Math.rint(value) && !Double.isInfinite(value)) ? Long.toString((long) value)
				: Double.toString(value);
	}

}
