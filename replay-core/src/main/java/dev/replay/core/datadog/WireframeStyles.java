package dev.replay.core.datadog;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the geometry and styles of Datadog mobile wireframes into inline CSS: position
 * and size, clip, shape style (background colour or gradient, opacity, corner radius),
 * border and text style.
 */
final class WireframeStyles {

	private WireframeStyles() {
	}

	/**
	 * Return the position, size and clip of a wireframe.
	 * @param wireframe the wireframe
	 * @return the CSS declarations
	 */
	static String frame(JsonNode wireframe) {
		StringBuilder css = new StringBuilder();
		css.append("left:").append(px(wireframe.path("x"))).append(";top:").append(px(wireframe.path("y")));
		css.append(";width:")
			.append(px(wireframe.path("width")))
			.append(";height:")
			.append(px(wireframe.path("height")));
		css.append(';');
		JsonNode clip = wireframe.path("clip");
		if (clip.isObject() && clip.size() > 0) {
			css.append("clip-path:inset(")
				.append(px(clip.path("top")))
				.append(' ')
				.append(px(clip.path("right")))
				.append(' ')
				.append(px(clip.path("bottom")))
				.append(' ')
				.append(px(clip.path("left")))
				.append(");");
		}
		return css.toString();
	}

	/**
	 * Return the shape style and border of a wireframe.
	 * @param wireframe the wireframe
	 * @return the CSS declarations
	 */
	static String shape(JsonNode wireframe) {
		StringBuilder css = new StringBuilder();
		JsonNode style = wireframe.path("shapeStyle");
		String background = color(style.path("backgroundColor"));
		if (background != null) {
			css.append("background-color:").append(background).append(';');
		}
		String gradient = gradient(style.path("backgroundGradient"));
		if (gradient != null) {
			css.append("background-image:").append(gradient).append(';');
		}
		if (style.path("opacity").isNumber()) {
			css.append("opacity:").append(NodeRenderer.number(style.path("opacity").asDouble())).append(';');
		}
		if (style.path("cornerRadius").isNumber()) {
			css.append("border-radius:").append(px(style.path("cornerRadius"))).append(';');
		}
		JsonNode border = wireframe.path("border");
		String borderColor = color(border.path("color"));
		if (borderColor != null && border.path("width").isNumber()) {
			css.append("border:").append(px(border.path("width"))).append(" solid ").append(borderColor).append(';');
		}
		return css.toString();
	}

	/**
	 * Return the font, colour, padding and alignment of a text wireframe, which is laid
	 * out as a flex box.
	 * @param wireframe the text wireframe
	 * @return the CSS declarations
	 */
	static String text(JsonNode wireframe) {
		StringBuilder css = new StringBuilder();
		JsonNode style = wireframe.path("textStyle");
		if (style.path("family").isString()) {
			css.append("font-family:").append(style.path("family").stringValue().replace(";", "")).append(';');
		}
		if (style.path("size").isNumber()) {
			css.append("font-size:").append(px(style.path("size"))).append(';');
		}
		String color = color(style.path("color"));
		if (color != null) {
			css.append("color:").append(color).append(';');
		}
		JsonNode alignment = wireframe.path("textPosition").path("alignment");
		css.append("justify-content:").append(flex(alignment.path("horizontal").asString("left"))).append(';');
		css.append("align-items:").append(flex(alignment.path("vertical").asString("top"))).append(';');
		JsonNode padding = wireframe.path("textPosition").path("padding");
		if (padding.isObject()) {
			css.append("padding:")
				.append(px(padding.path("top")))
				.append(' ')
				.append(px(padding.path("right")))
				.append(' ')
				.append(px(padding.path("bottom")))
				.append(' ')
				.append(px(padding.path("left")))
				.append(';');
		}
		return css.toString();
	}

	/**
	 * Return the {@code text-align} of a text wireframe's lines.
	 * @param wireframe the text wireframe
	 * @return a CSS declaration
	 */
	static String textAlign(JsonNode wireframe) {
		String horizontal = wireframe.path("textPosition").path("alignment").path("horizontal").asString("left");
		return "text-align:" + (("center".equals(horizontal) || "right".equals(horizontal)) ? horizontal : "left")
				+ ";";
	}

	/**
	 * Convert a Datadog {@code #RRGGBB} or {@code #RRGGBBAA} colour to CSS.
	 * @param value the recorded colour
	 * @return {@code rgb(…)} or {@code rgba(…)}, or {@code null} if the value is not a
	 * colour
	 */
	static @Nullable String color(JsonNode value) {
		String hex = value.asString("");
		if (!hex.matches("#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?")) {
			return null;
		}
		int red = Integer.parseInt(hex.substring(1, 3), 16);
		int green = Integer.parseInt(hex.substring(3, 5), 16);
		int blue = Integer.parseInt(hex.substring(5, 7), 16);
		if (hex.length() == 7) {
			return "rgb(" + red + "," + green + "," + blue + ")";
		}
		double alpha = Math.round(Integer.parseInt(hex.substring(7, 9), 16) / 255.0 * 1000) / 1000.0;
		return "rgba(" + red + "," + green + "," + blue + "," + NodeRenderer.number(alpha) + ")";
	}

	private static @Nullable String gradient(JsonNode gradient) {
		if (!"linear".equals(gradient.path("type").asString("")) || gradient.path("stops").size() < 2) {
			return null;
		}
		double dx = gradient.path("endPoint").path("x").asDouble() - gradient.path("startPoint").path("x").asDouble();
		double dy = gradient.path("endPoint").path("y").asDouble() - gradient.path("startPoint").path("y").asDouble();
		double angle = (dx == 0 && dy == 0) ? 180 : Math.toDegrees(Math.atan2(dx, -dy));
		StringBuilder css = new StringBuilder("linear-gradient(");
		css.append(NodeRenderer.number(Math.round(angle * 100) / 100.0)).append("deg");
		for (JsonNode stop : gradient.path("stops")) {
			String color = color(stop.path("color"));
			if (color != null) {
				double percent = Math.round(stop.path("position").asDouble() * 10000) / 100.0;
				css.append(',').append(color).append(' ').append(NodeRenderer.number(percent)).append('%');
			}
		}
		return css.append(')').toString();
	}

	private static String flex(String alignment) {
		return switch (alignment.toLowerCase(Locale.ROOT)) {
			case "center" -> "center";
			case "right", "bottom" -> "flex-end";
			default -> "flex-start";
		};
	}

	private static String px(JsonNode value) {
		return NodeRenderer.pixels(value.asDouble(0));
	}

}
