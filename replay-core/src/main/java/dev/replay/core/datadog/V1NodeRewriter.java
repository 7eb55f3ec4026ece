package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites Datadog V1 serialized nodes (rrweb-like) in place into rrweb nodes: shadow
 * roots ({@code DocumentFragment}) are flattened into their host, adopted style sheets
 * are collected as rrweb AdoptedStyleSheet data, and relative URLs are made absolute.
 */
final class V1NodeRewriter {

	private static final int DOCUMENT_FRAGMENT = 11;

	private final ViewState state;

	private final UrlResolver urls;

	private final List<ObjectNode> adopted = new ArrayList<>();

	V1NodeRewriter(ViewState state, UrlResolver urls) {
		this.state = state;
		this.urls = urls;
	}

	/**
	 * Return the AdoptedStyleSheet data collected while rewriting, to emit after the
	 * nodes.
	 * @return the incremental data, never {@code null}
	 */
	List<ObjectNode> adoptedStyleSheets() {
		return this.adopted;
	}

	/**
	 * Rewrite a node and its subtree.
	 * @param node the serialized node
	 * @param hostId the id of the parent element, the host if the node is a shadow root
	 * @param shadow whether the node is a direct child of a shadow root
	 * @return the rrweb nodes that replace it: the fragment's children for a fragment
	 */
	List<ObjectNode> rewrite(ObjectNode node, int hostId, boolean shadow) {
		if (node.path("type").asInt() == DOCUMENT_FRAGMENT) {
			this.state.shadowHosts.put(node.path("id").asInt(), hostId);
			collectAdoptedStyleSheets(node, hostId);
			List<ObjectNode> children = new ArrayList<>();
			for (JsonNode child : node.path("childNodes")) {
				if (child instanceof ObjectNode childNode) {
					children.addAll(rewrite(childNode, hostId, true));
				}
			}
			return children;
		}
		if (node.path("type").asInt() == 0) {
			collectAdoptedStyleSheets(node, node.path("id").asInt());
		}
		if (node.path("type").asInt() == 2 && node.path("attributes") instanceof ObjectNode attributes) {
			resolveAttributes(node.path("tagName").asString(""), attributes);
		}
		if (node.path("childNodes") instanceof ArrayNode children) {
			ArrayNode rewritten = JsonNodeFactory.instance.arrayNode();
			for (JsonNode child : children) {
				if (child instanceof ObjectNode childNode) {
					if (childNode.path("type").asInt() == DOCUMENT_FRAGMENT) {
						node.put("isShadowHost", true);
					}
					rewritten.addAll(rewrite(childNode, node.path("id").asInt(), false));
				}
			}
			node.set("childNodes", rewritten);
		}
		node.remove("adoptedStyleSheets");
		if (shadow) {
			node.put("isShadow", true);
		}
		return List.of(node);
	}

	void resolveAttributes(String tagName, ObjectNode attributes) {
		String linkHref = ("link".equals(tagName) && attributes.path("href").isString())
				? this.urls.url(attributes.path("href").stringValue()) : null;
		for (Map.Entry<String, JsonNode> attribute : new ArrayList<>(attributes.properties())) {
			String name = attribute.getKey();
			if (attribute.getValue().isString()) {
				String value = attribute.getValue().stringValue();
				attributes.put(name, NodeRenderer.CSS_TEXT.equals(name) ? this.urls.css(value, linkHref)
						: this.urls.attribute(tagName, name, value));
			}
		}
	}

	private void collectAdoptedStyleSheets(ObjectNode node, int targetId) {
		JsonNode sheets = node.path("adoptedStyleSheets");
		if (!sheets.isArray() || sheets.isEmpty()) {
			return;
		}
		ObjectNode data = RrwebEvents.source(RrwebEvents.ADOPTED_STYLE_SHEET).put("id", targetId);
		ArrayNode styleIds = data.putArray("styleIds");
		ArrayNode styles = data.putArray("styles");
		for (JsonNode sheet : sheets) {
			int styleId = this.state.nextV1StyleId++;
			List<String> rules = new ArrayList<>();
			sheet.path("cssRules").forEach((rule) -> rules.add(rule.asString("")));
			styleIds.add(styleId);
			styles.add(this.state.adoptedStyleSheets.style(styleId, rules));
		}
		this.adopted.add(data);
	}

}
