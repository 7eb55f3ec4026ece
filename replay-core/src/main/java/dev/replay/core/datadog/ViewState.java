package dev.replay.core.datadog;

import java.util.HashMap;
import java.util.Map;

/**
 * The decoding state of one view: the document and string table of its Change records
 * and, for V1 records, where shadow roots were flattened.
 */
final class ViewState {

	final VDocument document = new VDocument();

	final StringTable strings = new StringTable();

	final AdoptedStyleSheets adoptedStyleSheets;

	/** V1 shadow-root (document fragment) id to the id of its host element. */
	final Map<Integer, Integer> shadowHosts = new HashMap<>();

	int nextV1StyleId = 1;

	ViewState(UrlResolver urls) {
		this.adoptedStyleSheets = new AdoptedStyleSheets(urls);
	}

}
