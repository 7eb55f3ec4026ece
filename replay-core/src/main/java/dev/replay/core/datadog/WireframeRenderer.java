package dev.replay.core.datadog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders one Datadog mobile wireframe as an absolutely positioned div: shapes as styled
 * boxes, text in a flex box, images as img element from the uploaded resource or a
 * {@code data:} URL, placeholders as grey boxes with their label and webviews as empty
 * containers.
 */
final class WireframeRenderer {

	static final String KIND_NONE = "none";

	static final String KIND_TEXT = "text";

	static final String KIND_IMAGE = "img";

	static final String KIND_WEBVIEW = "webview";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final Function<String, String> resourceUrl;

	WireframeRenderer(Function<String, String> resourceUrl) {
		this.resourceUrl = resourceUrl;
	}

	/**
	 * Render a wireframe into its element attributes and content.
	 * @param wireframe the wireframe with all its current fields
	 * @return the rendering
	 */
	Rendering render(JsonNode wireframe) {
		String type = wireframe.path("type").asString("");
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("data-wireframe-id", wireframe.path("id").asString(""));
		String frame = WireframeStyles.frame(wireframe);
		return switch (type) {
			case "shape" -> rendering(attributes, "dd-wf", frame + WireframeStyles.shape(wireframe));
			case "text" -> {
				Rendering box = rendering(attributes, "dd-wf dd-text",
						frame + WireframeStyles.shape(wireframe) + WireframeStyles.text(wireframe));
				yield box.withText(WireframeStyles.textAlign(wireframe), wireframe.path("text").asString(""));
			}
			case "image" -> image(wireframe, rendering(attributes, "dd-wf", frame + WireframeStyles.shape(wireframe)));
			case "placeholder" ->
				rendering(attributes, "dd-wf dd-placeholder", frame).withText("", wireframe.path("label").asString(""));
			case "webview", "embedded_content" -> {
				attributes.put("data-slot-id", wireframe.path("slotId").asString(""));
				String visibility = wireframe.path("isVisible").asBoolean(true) ? "" : "visibility:hidden;";
				yield new Rendering(KIND_WEBVIEW, withClassAndStyle(attributes, "dd-wf dd-webview",
						frame + WireframeStyles.shape(wireframe) + visibility), Map.of(), null);
			}
			default -> {
				attributes.put("data-wireframe-type", type);
				yield rendering(attributes, "dd-wf", frame);
			}
		};
	}

	private Rendering image(JsonNode wireframe, Rendering box) {
		String src = null;
		if (wireframe.path("resourceId").isString() && !wireframe.path("resourceId").stringValue().isEmpty()) {
			src = this.resourceUrl.apply(wireframe.path("resourceId").stringValue());
		}
		else if (wireframe.path("base64").isString() && !wireframe.path("base64").stringValue().isEmpty()) {
			src = "data:" + wireframe.path("mimeType").asString("image/png") + ";base64,"
					+ wireframe.path("base64").stringValue();
		}
		if (src == null) {
			return box;
		}
		Map<String, String> image = new LinkedHashMap<>();
		image.put("class", "dd-img");
		image.put("src", src);
		return new Rendering(KIND_IMAGE, box.attributes(), image, null);
	}

	private static Rendering rendering(Map<String, String> attributes, String cssClass, String style) {
		return new Rendering(KIND_NONE, withClassAndStyle(attributes, cssClass, style), Map.of(), null);
	}

	private static Map<String, String> withClassAndStyle(Map<String, String> attributes, String cssClass,
			String style) {
		attributes.put("class", cssClass);
		attributes.put("style", style);
		return attributes;
	}

	/**
	 * A rendered wireframe: the attributes of its div, and the attributes of the element
	 * inside it and the text in that element, depending on its kind.
	 *
	 * @param kind what is inside the div: nothing, a span with text, an img element, or
	 * web content
	 * @param attributes the attributes of the div
	 * @param innerAttributes the attributes of the inner element
	 * @param text the text of the inner span
	 */
	record Rendering(String kind, Map<String, String> attributes, Map<String, String> innerAttributes,
			@Nullable String text) {

		Rendering withText(String style, String text) {
			return new Rendering(KIND_TEXT, this.attributes, Map.of("style", style), text);
		}

		/**
		 * Build the rrweb serialized div with its content.
		 * @param ids the rrweb ids of the div, the inner element and its text
		 * @return the rrweb node
		 */
		ObjectNode toNode(int[] ids) {
			ObjectNode div = element("div", this.attributes, ids[0]);
			if (KIND_TEXT.equals(this.kind)) {
				ObjectNode span = element("span", this.innerAttributes, ids[1]);
				((ArrayNode) span.get("childNodes")).addObject()
					.put("type", 3)
					.put("textContent", (this.text != null) ? this.text : "")
					.put("id", ids[2]);
				((ArrayNode) div.get("childNodes")).add(span);
			}
			else if (KIND_IMAGE.equals(this.kind)) {
				((ArrayNode) div.get("childNodes")).add(element("img", this.innerAttributes, ids[1]));
			}
			return div;
		}

		static ObjectNode element(String tagName, Map<String, String> attributes, int id) {
			ObjectNode element = JSON.objectNode().put("type", 2).put("tagName", tagName);
			ObjectNode values = element.putObject("attributes");
			attributes.forEach(values::put);
			element.putArray("childNodes");
			return element.put("id", id);
		}

	}

}
