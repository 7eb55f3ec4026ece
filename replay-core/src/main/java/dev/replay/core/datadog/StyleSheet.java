package dev.replay.core.datadog;

import java.util.List;

/**
 * A style sheet recorded by an {@code AddStyleSheet} change.
 *
 * @param rules the CSS rules, one entry per rule or a single entry with the whole sheet
 * @param media the media list, empty for all media
 * @param disabled whether the sheet is disabled
 */
record StyleSheet(List<String> rules, List<String> media, boolean disabled) {

	String cssText() {
		return String.join("", this.rules);
	}

}
