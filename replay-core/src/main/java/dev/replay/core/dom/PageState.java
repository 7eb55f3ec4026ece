package dev.replay.core.dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The page as rrweb's replayer would show it after the events applied so far: the DOM
 * tree, input values, scroll positions, media state and style sheets. Only the current
 * state is kept, never the events. Not thread-safe.
 */
public final class PageState {

	private static final int MAX_DESCRIPTION = 80;

	private static final List<String> NAMING_ATTRIBUTES = List.of("aria-label", "placeholder", "name", "title", "alt",
			"id");

	private final NodeMirror mirror = new NodeMirror();

	private final StyleSheets styleSheets = new StyleSheets();

	private final Map<Integer, PageSnapshot.Scroll> documentScrolls = new LinkedHashMap<>();

	private final List<byte[]> fonts = new ArrayList<>();

	private String href = "";

	private int width;

	private int height;

	private @Nullable PageNode document;

	private @Nullable MutationApplier mutations;

	private PageSnapshot.@Nullable Pointer pointer;

	/**
	 * Start a new page, as a Meta event does; its document follows in a full snapshot.
	 * @param href the page's URL
	 * @param width the viewport width
	 * @param height the viewport height
	 */
	public void startPage(String href, int width, int height) {
		this.href = Objects.requireNonNull(href, "'href' must not be null");
		this.width = width;
		this.height = height;
		this.fonts.clear();
		this.pointer = null;
	}

	/**
	 * Replace the whole document, as a FullSnapshot event does.
	 * @param document the serialized document
	 * @param scrollLeft the document's initial horizontal scroll position
	 * @param scrollTop the document's initial vertical scroll position
	 */
	public void replaceDocument(SerializedNode.Document document, double scrollLeft, double scrollTop) {
		this.mirror.clear();
		this.styleSheets.reset();
		this.documentScrolls.clear();
		PageNode root = this.mirror.build(document, false);
		this.document = root;
		this.mutations = new MutationApplier(this.mirror, root);
		scroll(root.id, scrollLeft, scrollTop);
	}

	/**
	 * Whether a document has been seen, so that the state can be written as a keyframe.
	 * @return {@code true} after a full snapshot
	 */
	public boolean hasDocument() {
		return this.document != null;
	}

	/**
	 * Apply a Mutation.
	 * @param mutation the mutation
	 */
	public void applyMutation(Mutation mutation) {
		if (this.mutations != null) {
			this.mutations.apply(mutation);
		}
	}

	/**
	 * Scroll a document or an element.
	 * @param id the node
	 * @param x the horizontal position
	 * @param y the vertical position
	 */
	public void scroll(int id, double x, double y) {
		PageNode target = this.mirror.get(id);
		if (target != null && target.type == NodeType.DOCUMENT) {
			this.documentScrolls.put(id,
					new PageSnapshot.Scroll(id, NodeAttributes.number(x), NodeAttributes.number(y)));
		}
		else if (target != null && target.type == NodeType.ELEMENT) {
			NodeAttributes.scroll(target, x, y);
		}
	}

	/**
	 * Resize the viewport.
	 * @param width the new width
	 * @param height the new height
	 */
	public void resizeViewport(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/**
	 * Set the value of an input, select or text area.
	 * @param id the element
	 * @param text the value, as recorded (masked values stay masked)
	 * @param isChecked whether a check box or radio button is checked
	 */
	public void input(int id, String text, boolean isChecked) {
		PageNode target = this.mirror.get(id);
		if (target != null && target.type == NodeType.ELEMENT) {
			target.inputText = text;
			target.inputChecked = isChecked;
		}
	}

	/**
	 * Move the pointer, as a mouse move, touch move or drag does, or as a click or touch
	 * does on a node of the page.
	 * @param id the node under the pointer
	 * @param x the horizontal position
	 * @param y the vertical position
	 */
	public void pointer(int id, double x, double y) {
		this.pointer = new PageSnapshot.Pointer(id, NodeAttributes.number(x), NodeAttributes.number(y));
	}

	/**
	 * Whether the page holds a node.
	 * @param id the node
	 * @return {@code true} if the node is on the page
	 */
	public boolean contains(int id) {
		return this.mirror.get(id) != null;
	}

	/**
	 * Play, pause, seek or otherwise change a media element.
	 * @param change the change
	 */
	public void media(MediaChange change) {
		PageNode target = this.mirror.get(change.id());
		if (target != null && target.type == NodeType.ELEMENT) {
			NodeAttributes.media(target, change);
		}
	}

	/**
	 * Change a style sheet through the CSS object model.
	 * @param change the change
	 */
	public void changeStyleSheet(StyleSheetChange change) {
		this.styleSheets.apply(change, this.mirror);
	}

	/**
	 * Keep a web font loaded by the page.
	 * @param fontData the Font event's data as JSON
	 */
	public void addFont(byte[] fontData) {
		this.fonts.add(fontData.clone());
	}

	/**
	 * The number of nodes the page holds.
	 * @return the count
	 */
	public int nodeCount() {
		return this.mirror.size();
	}

	/**
	 * Describe a node for people: its tag and the start of its text, or for an element
	 * without text (a form field, an icon button) its first naming attribute among
	 * {@code aria-label}, {@code placeholder}, {@code name}, {@code title}, {@code alt}
	 * and {@code id}; never what was typed into it. A select is described by the text of
	 * its chosen option (as it shows it), not by the texts of all its options; when the
	 * recording masked the choice, by its naming attribute.
	 * @param id the node
	 * @return a description such as {@code button "Pay now"} or {@code input "email"}, or
	 * {@code null} for an unknown node
	 */
	public @Nullable String describe(int id) {
		PageNode node = this.mirror.get(id);
		if (node == null) {
			return null;
		}
		boolean select = node.type == NodeType.ELEMENT && "select".equalsIgnoreCase(node.tagName);
		String text = (select ? chosenOption(node) : NodeAttributes.textOf(node)).replaceAll("\\s+", " ").trim();
		if (text.isEmpty() && node.type == NodeType.ELEMENT) {
			text = namingAttribute(node);
		}
		if (text.length() > MAX_DESCRIPTION) {
			text = text.substring(0, MAX_DESCRIPTION);
		}
		String name = (node.type == NodeType.ELEMENT) ? node.tagName
				: node.type.name().toLowerCase(java.util.Locale.ROOT);
		return text.isEmpty() ? name : name + " \"" + text + "\"";
	}

	// The text of the option a select shows: the one whose value the last input event or
	// the snapshot's value gave the select, else the one the snapshot marked selected. A
	// masked value matches no option, and rrweb leaves out the mark of a masked select.
	private static String chosenOption(PageNode select) {
		List<PageNode> options = new ArrayList<>();
		collectOptions(select, options);
		Object value = (select.inputText != null) ? select.inputText : select.attributes.get("value");
		if (value instanceof String chosen) {
			for (PageNode option : options) {
				if (chosen.equals(optionValue(option))) {
					return NodeAttributes.textOf(option);
				}
			}
			return "";
		}
		for (PageNode option : options) {
			if (option.attributes.containsKey("selected")) {
				return NodeAttributes.textOf(option);
			}
		}
		return "";
	}

	private static void collectOptions(PageNode node, List<PageNode> options) {
		for (PageNode child : node.children) {
			if (child.type == NodeType.ELEMENT && "option".equalsIgnoreCase(child.tagName)) {
				options.add(child);
			}
			else {
				collectOptions(child, options);
			}
		}
	}

	// an option without a value attribute has its text as its value
	private static String optionValue(PageNode option) {
		return (option.attributes.get("value") instanceof String value) ? value
				: NodeAttributes.textOf(option).replaceAll("\\s+", " ").trim();
	}

	private static String namingAttribute(PageNode node) {
		for (String name : NAMING_ATTRIBUTES) {
			if (node.attributes.get(name) instanceof String value && !value.isBlank()) {
				return value.replaceAll("\\s+", " ").trim();
			}
		}
		return "";
	}

	/**
	 * The current state, detached from this page state.
	 * @return the snapshot
	 * @throws IllegalStateException before the first full snapshot
	 */
	public PageSnapshot snapshot() {
		PageNode root = this.document;
		if (root == null) {
			throw new IllegalStateException("No full snapshot has been applied");
		}
		List<Mutation> iframes = new ArrayList<>();
		collectIframeDocuments(root, iframes);
		List<PageSnapshot.Input> inputs = new ArrayList<>();
		collectInputs(root, inputs);
		PageSnapshot.Scroll top = this.documentScrolls.get(root.id);
		List<PageSnapshot.Scroll> nested = this.documentScrolls.values()
			.stream()
			.filter((scroll) -> scroll.id() != root.id && this.mirror.get(scroll.id()) != null)
			.toList();
		return new PageSnapshot(this.href, this.width, this.height, (SerializedNode.Document) root.toSerialized(),
				(top != null) ? top.x() : 0, (top != null) ? top.y() : 0, iframes, nested, this.styleSheets.snapshot(),
				List.copyOf(this.fonts), inputs, this.pointer);
	}

	private static void collectInputs(PageNode node, List<PageSnapshot.Input> inputs) {
		if (node.inputText != null) {
			inputs.add(new PageSnapshot.Input(node.id, node.inputText, node.inputChecked));
		}
		for (PageNode child : node.children) {
			collectInputs(child, inputs);
		}
	}

	private static void collectIframeDocuments(PageNode node, List<Mutation> iframes) {
		for (PageNode child : node.children) {
			if (child.type == NodeType.DOCUMENT) {
				Mutation.Addition addition = new Mutation.Addition(node.id, null, null, child.toSerialized());
				iframes.add(new Mutation(List.of(), List.of(addition), List.of(), List.of(), true));
			}
			collectIframeDocuments(child, iframes);
		}
	}

}
