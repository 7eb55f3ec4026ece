package dev.replay.core.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replay.core.timeline.ReplayedPage.Node;
import tools.jackson.databind.JsonNode;

/**
 * The style sheets of a {@link ReplayedPage}: rules parsed from a style's text when a
 * rule change first reaches it, then changed as the CSS object model changes them.
 */
final class ReplayedStyles {

	private ReplayedStyles() {
	}

	static void applyRuleChange(ReplayedPage page, JsonNode data) {
		List<String> rules;
		if (data.has("styleId")) {
			rules = page.adoptedSheet(data.path("styleId").asInt());
		}
		else {
			Node owner = page.nodes().get(data.path("id").asInt(-1));
			rules = (owner != null) ? rules(owner) : null;
		}
		if (rules == null) {
			return;
		}
		if (data.path("replaceSync").isString()) {
			rules.clear();
			rules.addAll(split(data.path("replaceSync").asString()));
		}
		for (JsonNode add : data.path("adds")) {
			int index = add.path("index").isArray() ? add.path("index").path(0).asInt() : add.path("index").asInt(0);
			rules.add(Math.min(index, rules.size()), normalize(add.path("rule").asString()));
		}
		for (JsonNode remove : data.path("removes")) {
			int index = remove.path("index").asInt();
			if (index < rules.size()) {
				rules.remove(index);
			}
		}
		if (data.has("set") || data.has("remove")) {
			int index = data.path("index").path(0).asInt();
			JsonNode set = data.path("set");
			String property = set.isObject() ? set.path("property").asString()
					: data.path("remove").path("property").asString();
			String value = set.path("value").isString()
					? set.path("value").asString() + (set.path("priority").asString("").isEmpty() ? "" : " !important")
					: "";
			rules.set(index, setProperty(rules.get(index), property, value));
		}
	}

	static List<String> rules(Node owner) {
		if (owner.sheet == null) {
			String css = owner.attributes.get("_cssText");
			if (css == null) {
				StringBuilder text = new StringBuilder();
				owner.children.forEach((child) -> text.append(child.text));
				css = text.toString();
			}
			owner.sheet = split(css.replaceAll("/\\*.*?\\*/", ""));
		}
		return owner.sheet;
	}

	private static List<String> split(String css) {
		List<String> rules = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < css.length(); i++) {
			char c = css.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				rules.add(normalize(css.substring(start, i + 1)));
				start = i + 1;
			}
		}
		return rules;
	}

	private static String setProperty(String rule, String property, String value) {
		int open = rule.indexOf('{');
		Map<String, String> declarations = declarations(rule.substring(open + 1, rule.lastIndexOf('}')));
		if (value.isEmpty()) {
			declarations.remove(property);
		}
		else {
			declarations.put(property, value);
		}
		return normalize(rule.substring(0, open) + "{" + join(declarations) + "}");
	}

	static String setDeclaration(String style, String property, String value) {
		Map<String, String> declarations = declarations(style);
		if (value.isEmpty()) {
			declarations.remove(property);
		}
		else {
			declarations.put(property, value);
		}
		return join(declarations);
	}

	static String normalizeDeclarations(String style) {
		return join(declarations(style));
	}

	private static Map<String, String> declarations(String text) {
		Map<String, String> declarations = new LinkedHashMap<>();
		for (String declaration : text.split(";")) {
			int colon = declaration.indexOf(':');
			if (colon > 0) {
				String value = declaration.substring(colon + 1).trim();
				if (value.isEmpty()) {
					declarations.remove(declaration.substring(0, colon).trim());
				}
				else {
					declarations.put(declaration.substring(0, colon).trim(), value.replaceAll("\\s+", " "));
				}
			}
		}
		return declarations;
	}

	private static String join(Map<String, String> declarations) {
		StringBuilder text = new StringBuilder();
		declarations.forEach((property, value) -> text.append(property).append(':').append(value).append(';'));
		return text.toString();
	}

	static String normalize(String css) {
		return css.replaceAll("\\s+", " ").replaceAll(" ?([{};:,]) ?", "$1").replace(";}", "}").trim();
	}

}
