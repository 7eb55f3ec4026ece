package dev.replay.core.rrweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replay.core.dom.Mutation;
import dev.replay.core.dom.SerializedNode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Reads the data of rrweb Mutation events, and writes the ones that attach iframes.
 */
final class MutationJson {

	private MutationJson() {
	}

	static Mutation read(JsonNode data) {
		List<Mutation.Removal> removes = new ArrayList<>();
		for (JsonNode remove : data.path("removes")) {
			removes.add(new Mutation.Removal(remove.path("parentId").asInt(-1), remove.path("id").asInt(-1),
					remove.path("isShadow").asBoolean(false)));
		}
		List<Mutation.Addition> adds = new ArrayList<>();
		for (JsonNode add : data.path("adds")) {
			SerializedNode node = SerializedNodeJson.read(add.path("node"));
			if (node != null) {
				adds.add(new Mutation.Addition(add.path("parentId").asInt(-1), optionalId(add, "previousId"),
						optionalId(add, "nextId"), node));
			}
		}
		List<Mutation.TextChange> texts = new ArrayList<>();
		for (JsonNode text : data.path("texts")) {
			JsonNode value = text.path("value");
			texts
				.add(new Mutation.TextChange(text.path("id").asInt(-1), value.isString() ? value.stringValue() : null));
		}
		List<Mutation.AttributeChange> attributes = new ArrayList<>();
		for (JsonNode change : data.path("attributes")) {
			attributes.add(attributeChange(change));
		}
		return new Mutation(removes, adds, texts, attributes, data.path("isAttachIframe").asBoolean(false));
	}

	private static Mutation.AttributeChange attributeChange(JsonNode change) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		Map<String, Mutation.@Nullable StyleProperty> style = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> attribute : change.path("attributes").properties()) {
			JsonNode value = attribute.getValue();
			if ("style".equals(attribute.getKey()) && value.isObject()) {
				value.properties()
					.forEach((property) -> style.put(property.getKey(), styleProperty(property.getValue())));
			}
			else if (value.isNull() || value.isMissingNode()) {
				values.put(attribute.getKey(), null);
			}
			else {
				values.put(attribute.getKey(), value.isString() ? value.stringValue() : value.toString());
			}
		}
		return new Mutation.AttributeChange(change.path("id").asInt(-1), values, style);
	}

	// A style property as rrweb records it: false to remove, a value, or
	// [value, priority].
	private static Mutation.@Nullable StyleProperty styleProperty(JsonNode value) {
		if (value.isArray()) {
			return new Mutation.StyleProperty(value.path(0).asString(""), value.path(1).asString(""));
		}
		return (value.isString()) ? new Mutation.StyleProperty(value.stringValue(), "") : null;
	}

	private static @Nullable Integer optionalId(JsonNode json, String name) {
		return json.path(name).isNumber() ? json.path(name).asInt(0) : null;
	}

	static void writeAttachment(Mutation mutation, JsonGenerator out) {
		out.writeStartObject();
		out.writeNumberProperty("source", 0);
		out.writeName("adds");
		out.writeStartArray();
		for (Mutation.Addition addition : mutation.adds()) {
			out.writeStartObject();
			out.writeNumberProperty("parentId", addition.parentId());
			out.writeNullProperty("nextId");
			out.writeName("node");
			SerializedNodeJson.write(addition.node(), out);
			out.writeEndObject();
		}
		out.writeEndArray();
		out.writeName("removes");
		out.writeStartArray();
		out.writeEndArray();
		out.writeName("texts");
		out.writeStartArray();
		out.writeEndArray();
		out.writeName("attributes");
		out.writeStartArray();
		out.writeEndArray();
		out.writeBooleanProperty("isAttachIframe", true);
		out.writeEndObject();
	}

}
