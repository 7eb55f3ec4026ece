package dev.replay.core.dom;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The state of a page at one moment, ready to be written as an rrweb Meta event, a
 * FullSnapshot event and the few incremental events that a full snapshot cannot carry.
 *
 * @param href the page's URL
 * @param width the viewport width
 * @param height the viewport height
 * @param document the document with current attributes, texts, element scroll positions
 * ({@code rr_scrollLeft/Top}) and style sheets
 * @param scrollLeft the document's horizontal scroll position
 * @param scrollTop the document's vertical scroll position
 * @param iframeDocuments mutations that attach iframes' content documents, outer first
 * @param documentScrolls scroll positions of iframes' documents
 * @param adoptions the constructed style sheets adopted by documents and shadow roots
 * @param fonts the recorded Font events' data, as JSON
 * @param inputs the values input events gave elements, in document order
 * @param pointer where the pointer last was, or {@code null} before any position was
 * recorded on this page
 */
public record PageSnapshot(String href, int width, int height, SerializedNode.Document document, Number scrollLeft,
		Number scrollTop, List<Mutation> iframeDocuments, List<Scroll> documentScrolls,
		List<StyleSheetChange.Adoption> adoptions, List<byte[]> fonts, List<Input> inputs, @Nullable Pointer pointer) {

	/**
	 * The value an input event gave an input, select or text area.
	 *
	 * @param id the element
	 * @param text the value, as recorded
	 * @param isChecked whether a check box or radio button is checked
	 */
	public record Input(int id, String text, boolean isChecked) {

	}

	/**
	 * The pointer's last position, over which rrweb's replayer marks the elements it
	 * hovers.
	 *
	 * @param id the node under the pointer
	 * @param x the horizontal position
	 * @param y the vertical position
	 */
	public record Pointer(int id, Number x, Number y) {

	}

	/**
	 * The scroll position of one node.
	 *
	 * @param id the node
	 * @param x the horizontal position
	 * @param y the vertical position
	 */
	public record Scroll(int id, Number x, Number y) {

	}

}
