package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One node of the server-side copy of a recorded document, built from Datadog Change
 * records.
 */
final class VNode {

	/**
	 * The kinds of DOM node that Datadog records.
	 */
	enum Kind {

		DOCUMENT, DOCTYPE, ELEMENT, TEXT, CDATA, FRAGMENT

	}

	final int id;

	final Kind kind;

	/** Tag name for elements (lower case for HTML), doctype name otherwise. */
	final String name;

	final boolean svg;

	final Map<String, String> attributes = new LinkedHashMap<>();

	final List<VNode> children = new ArrayList<>();

	final List<Integer> styleSheets = new ArrayList<>();

	String text = "";

	String publicId = "";

	String systemId = "";

	@Nullable VNode parent;

	@Nullable String inputValue;

	@Nullable Integer selection;

	@Nullable Integer mediaState;

	double @Nullable [] size;

	double @Nullable [] scroll;

	VNode(int id, Kind kind, String name, boolean svg) {
		this.id = id;
		this.kind = kind;
		this.name = name;
		this.svg = svg;
	}

	boolean isElement(String tagName) {
		return this.kind == Kind.ELEMENT && !this.svg && this.name.equals(tagName);
	}

	/**
	 * Return whether this node is a shadow root or document fragment, which rrweb does
	 * not represent as a node of its own.
	 * @return {@code true} for a fragment
	 */
	boolean isFragment() {
		return this.kind == Kind.FRAGMENT;
	}

	int indexInParent() {
		return (this.parent != null) ? this.parent.children.indexOf(this) : -1;
	}

}
