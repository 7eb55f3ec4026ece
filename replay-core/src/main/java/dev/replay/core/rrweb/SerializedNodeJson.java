package dev.replay.core.rrweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replay.core.dom.NodeType;
import dev.replay.core.dom.SerializedNode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes rrweb-snapshot's serialized nodes.
 */
final class SerializedNodeJson {

	private SerializedNodeJson() {
	}

	/**
	 * Read a node and its subtree.
	 * @param json the node
	 * @return the node, or {@code null} when it has no id
	 */
	static @Nullable SerializedNode read(JsonNode json) {
		if (!json.path("id").isNumber()) {
			return null;
		}
		int id = json.path("id").asInt(0);
		Integer rootId = json.path("rootId").isNumber() ? json.path("rootId").asInt(0) : null;
		boolean isShadow = json.path("isShadow").asBoolean(false);
		return switch (NodeType.fromCode(json.path("type").asInt(-1))) {
			case DOCUMENT -> new SerializedNode.Document(id, text(json, "compatMode"), children(json), rootId);
			case DOCUMENT_TYPE -> new SerializedNode.DocumentType(id, json.path("name").asString(""),
					json.path("publicId").asString(""), json.path("systemId").asString(""), rootId);
			case ELEMENT -> new SerializedNode.Element(id, json.path("tagName").asString(""), attributes(json),
					children(json), json.path("isSVG").asBoolean(false), json.path("needBlock").asBoolean(false),
					json.path("isCustom").asBoolean(false), json.path("isShadowHost").asBoolean(false), isShadow,
					rootId);
			case TEXT, UNKNOWN -> new SerializedNode.Text(id, json.path("textContent").asString(""),
					json.path("isStyle").asBoolean(false), isShadow, rootId);
			case CDATA -> new SerializedNode.CData(id, isShadow, rootId);
			case COMMENT -> new SerializedNode.Comment(id, json.path("textContent").asString(""), isShadow, rootId);
		};
	}

	private static @Nullable String text(JsonNode json, String name) {
		JsonNode value = json.path(name);
		return value.isString() ? value.stringValue() : null;
	}

	private static List<SerializedNode> children(JsonNode json) {
		List<SerializedNode> children = new ArrayList<>(json.path("childNodes").size());
		for (JsonNode child : json.path("childNodes")) {
			SerializedNode node = read(child);
			if (node != null) {
				children.add(node);
			}
		}
		return children;
	}

	private static Map<String, Object> attributes(JsonNode json) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> attribute : json.path("attributes").properties()) {
			JsonNode value = attribute.getValue();
			if (value.isString()) {
				attributes.put(attribute.getKey(), value.stringValue());
			}
			else if (value.isNumber()) {
				attributes.put(attribute.getKey(), value.numberValue());
			}
			else if (value.isBoolean()) {
				attributes.put(attribute.getKey(), value.booleanValue());
			}
			else if (!value.isNull()) {
				attributes.put(attribute.getKey(), value.toString());
			}
		}
		return attributes;
	}

	/**
	 * Write a node and its subtree.
	 * @param node the node
	 * @param out the generator
	 */
	static void write(SerializedNode node, JsonGenerator out) {
		out.writeStartObject();
		out.writeNumberProperty("type", node.type().code());
		switch (node.type()) {
			case DOCUMENT -> writeDocument((SerializedNode.Document) node, out);
			case DOCUMENT_TYPE -> {
				SerializedNode.DocumentType doctype = (SerializedNode.DocumentType) node;
				out.writeStringProperty("name", doctype.name());
				out.writeStringProperty("publicId", doctype.publicId());
				out.writeStringProperty("systemId", doctype.systemId());
			}
			case ELEMENT -> writeElement((SerializedNode.Element) node, out);
			case TEXT, UNKNOWN -> {
				SerializedNode.Text text = (SerializedNode.Text) node;
				out.writeStringProperty("textContent", text.textContent());
				flag(out, "isStyle", text.isStyle());
			}
			case CDATA -> out.writeStringProperty("textContent", "");
			case COMMENT -> out.writeStringProperty("textContent", ((SerializedNode.Comment) node).textContent());
		}
		flag(out, "isShadow", node.isShadow());
		if (node.rootId() != null) {
			out.writeNumberProperty("rootId", node.rootId());
		}
		out.writeNumberProperty("id", node.id());
		out.writeEndObject();
	}

	private static void writeDocument(SerializedNode.Document document, JsonGenerator out) {
		writeChildren(document.childNodes(), out);
		if (document.compatMode() != null) {
			out.writeStringProperty("compatMode", document.compatMode());
		}
	}

	private static void writeElement(SerializedNode.Element element, JsonGenerator out) {
		out.writeStringProperty("tagName", element.tagName());
		out.writeName("attributes");
		out.writeStartObject();
		element.attributes().forEach((name, value) -> {
			out.writeName(name);
			writeScalar(value, out);
		});
		out.writeEndObject();
		writeChildren(element.childNodes(), out);
		flag(out, "isSVG", element.isSVG());
		flag(out, "needBlock", element.needBlock());
		flag(out, "isCustom", element.isCustom());
		flag(out, "isShadowHost", element.isShadowHost());
	}

	static void writeScalar(Object value, JsonGenerator out) {
		if (value instanceof Boolean flag) {
			out.writeBoolean(flag);
		}
		else if (value instanceof Long || value instanceof Integer) {
			out.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof Number number) {
			out.writeNumber(number.doubleValue());
		}
		else {
			out.writeString(String.valueOf(value));
		}
	}

	private static void writeChildren(List<SerializedNode> children, JsonGenerator out) {
		out.writeName("childNodes");
		out.writeStartArray();
		for (SerializedNode child : children) {
			write(child, out);
		}
		out.writeEndArray();
	}

	private static void flag(JsonGenerator out, String name, boolean value) {
		if (value) {
			out.writeBooleanProperty(name, true);
		}
	}

}
