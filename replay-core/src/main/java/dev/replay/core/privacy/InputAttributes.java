package dev.replay.core.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attributes of an input that decide whether its value is sensitive.
 */
final class InputAttributes {

	private static final Pattern CARD_NAME = Pattern
		.compile("(?i).*(card|cvc|cvv|cc-?num|cc-?exp|cc-?csc|ccnum|creditcard|credit-card).*");

	private String type = "";

	private String autocomplete = "";

	private String name = "";

	private String id = "";

	void update(ObjectNode attributes) {
		this.type = attribute(attributes, "type", this.type);
		this.autocomplete = attribute(attributes, "autocomplete", this.autocomplete);
		this.name = attribute(attributes, "name", this.name);
		this.id = attribute(attributes, "id", this.id);
	}

	boolean sensitive() {
		return switch (this.type) {
			case "password", "email", "tel" -> true;
			default -> this.autocomplete.startsWith("cc-") || CARD_NAME.matcher(this.name).matches()
					|| CARD_NAME.matcher(this.id).matches();
		};
	}

	private static String attribute(ObjectNode attributes, String name, String current) {
		JsonNode value = attributes.get(name);
		if (value == null) {
			return current;
		}
		return value.isString() ? value.stringValue().trim().toLowerCase(Locale.ROOT) : "";
	}

}
