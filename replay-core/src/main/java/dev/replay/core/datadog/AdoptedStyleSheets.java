package dev.replay.core.datadog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders style sheets adopted by a document or shadow root as rrweb
 * {@code AdoptedStyleSheet} incremental data, sending each sheet's rules only once.
 */
final class AdoptedStyleSheets {

	private final Set<Integer> sent = new HashSet<>();

	private final UrlResolver urls;

	AdoptedStyleSheets(UrlResolver urls) {
		this.urls = urls;
	}

	/**
	 * Render the sheets adopted by a node.
	 * @param document the document that holds the sheets
	 * @param target a document or a shadow root
	 * @return the incremental data, or {@code null} for a fragment without host
	 */
	@Nullable ObjectNode render(VDocument document, VNode target) {
		VNode host = target.isFragment() ? target.parent : target;
		if (host == null) {
			return null;
		}
		ObjectNode data = RrwebEvents.source(RrwebEvents.ADOPTED_STYLE_SHEET).put("id", host.id);
		ArrayNode styleIds = data.putArray("styleIds");
		ArrayNode styles = data.putArray("styles");
		for (int sheetId : target.styleSheets) {
			styleIds.add(sheetId + 1);
			if (this.sent.add(sheetId)) {
				styles.add(style(sheetId + 1, document.styleSheet(sheetId).rules()));
			}
		}
		return data;
	}

	ObjectNode style(int styleId, List<String> rules) {
		ObjectNode style = JsonNodeFactory.instance.objectNode().put("styleId", styleId);
		ArrayNode renderedRules = style.putArray("rules");
		for (int i = 0; i < rules.size(); i++) {
			renderedRules.addObject().put("rule", this.urls.css(rules.get(i), null)).put("index", i);
		}
		return style;
	}

}
