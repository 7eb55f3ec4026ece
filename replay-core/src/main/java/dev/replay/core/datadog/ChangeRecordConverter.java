package dev.replay.core.datadog;

import java.util.function.Consumer;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts records in the v7 Change encoding: a {@code format: 1} full snapshot (or a
 * Change record that adds a new root) becomes an rrweb FullSnapshot, any other Change
 * record becomes incremental events.
 */
final class ChangeRecordConverter {

	static final String RESOURCE_URL_PREFIX = "/api/v1/resources/";

	private final UrlResolver urls;

	ChangeRecordConverter(UrlResolver urls) {
		this.urls = urls;
	}

	/**
	 * Convert a full snapshot into a fresh view state.
	 * @param state the new, empty state of the view
	 * @param changes the record's {@code data}
	 * @param timestamp the record's timestamp
	 * @param out receives the rrweb events
	 */
	void fullSnapshot(ViewState state, JsonNode changes, long timestamp, Consumer<ObjectNode> out) {
		ChangeLog log = new ChangeLog();
		new ChangeDecoder(state.document, state.strings, RESOURCE_URL_PREFIX).apply(changes, log);
		VNode root = state.document.root();
		if (root == null) {
			throw new DatadogFormatException("Full snapshot has no root node");
		}
		NodeRenderer renderer = new NodeRenderer(state.document, this.urls);
		double[] scroll = (root.scroll != null) ? root.scroll : new double[2];
		out.accept(RrwebEvents.fullSnapshot(timestamp, renderer.render(root, false), scroll[0], scroll[1]));
		emitAdoptedStyleSheets(state, root, timestamp, out);
		emitOthers(log, timestamp, out);
	}

	/**
	 * Convert an incremental Change record.
	 * @param state the view's state, or a supplier of a fresh one when the record turns
	 * out to be a full snapshot
	 * @param freshState creates the state for a record that adds a new root
	 * @param changes the record's {@code data}
	 * @param timestamp the record's timestamp
	 * @param out receives the rrweb events
	 * @return the state that holds the document after the record
	 */
	ViewState change(ViewState state, Supplier<ViewState> freshState, JsonNode changes, long timestamp,
			Consumer<ObjectNode> out) {
		if (ChangeDecoder.addsRoot(changes)) {
			ViewState fresh = freshState.get();
			fullSnapshot(fresh, changes, timestamp, out);
			return fresh;
		}
		ChangeLog log = new ChangeLog();
		new ChangeDecoder(state.document, state.strings, RESOURCE_URL_PREFIX).apply(changes, log);
		new MutationRenderer(state, new NodeRenderer(state.document, this.urls)).render(log, timestamp, out);
		emitOthers(log, timestamp, out);
		return state;
	}

	private void emitAdoptedStyleSheets(ViewState state, VNode node, long timestamp, Consumer<ObjectNode> out) {
		if ((node.kind == VNode.Kind.DOCUMENT || node.isFragment()) && !node.styleSheets.isEmpty()) {
			ObjectNode adopted = state.adoptedStyleSheets.render(state.document, node);
			if (adopted != null) {
				out.accept(RrwebEvents.incremental(timestamp, adopted));
			}
		}
		node.children.forEach((child) -> emitAdoptedStyleSheets(state, child, timestamp, out));
	}

	private void emitOthers(ChangeLog log, long timestamp, Consumer<ObjectNode> out) {
		log.viewports.forEach(
				(item) -> out.accept(RrwebEvents.custom(timestamp, "visual-viewport", RrwebEvents.viewport(item))));
		log.unknown.forEach((change) -> out.accept(RrwebEvents.custom(timestamp, RrwebEvents.UNKNOWN_TAG, change)));
	}

}
