package dev.replay.core.dom;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Changes to the attributes of one element: recorded attribute mutations, and the state
 * that rrweb keeps in attributes of the serialized node (scroll positions, media state).
 */
final class NodeAttributes {

	private NodeAttributes() {
	}

	static void apply(@Nullable PageNode target, Mutation.AttributeChange change) {
		if (target == null || target.type != NodeType.ELEMENT) {
			return;
		}
		change.values().forEach((name, value) -> {
			if (value == null) {
				target.attributes.remove(name);
			}
			else {
				target.attributes.put(name, value);
			}
		});
		if (!change.style().isEmpty()) {
			Object current = target.attributes.get("style");
			CssDeclarations style = CssDeclarations.parse((current instanceof String text) ? text : "");
			change.style().forEach(style::set);
			target.attributes.put("style", style.toString());
		}
	}

	static String textOf(PageNode node) {
		if (node.type == NodeType.TEXT) {
			return node.text;
		}
		StringBuilder text = new StringBuilder();
		for (PageNode child : node.children) {
			text.append(textOf(child));
		}
		return text.toString();
	}

	static void scroll(PageNode target, double x, double y) {
		target.attributes.put("rr_scrollLeft", number(x));
		target.attributes.put("rr_scrollTop", number(y));
	}

	static void media(PageNode target, MediaChange change) {
		Map<String, Object> attributes = target.attributes;
		switch (change.kind()) {
			case 0 -> attributes.put("rr_mediaState", "played");
			case 1 -> attributes.put("rr_mediaState", "paused");
			default -> {
				// seeking, volume and rate changes leave the play state as it is
			}
		}
		putIfPresent(attributes, "rr_mediaCurrentTime", change.currentTime());
		putIfPresent(attributes, "rr_mediaVolume", change.volume());
		putIfPresent(attributes, "rr_mediaMuted", change.muted());
		putIfPresent(attributes, "rr_mediaPlaybackRate", change.playbackRate());
		putIfPresent(attributes, "rr_mediaLoop", change.loop());
	}

	private static void putIfPresent(Map<String, Object> attributes, String name, @Nullable Object value) {
		if (value instanceof Double number) {
			attributes.put(name, number(number));
		}
		else if (value != null) {
			attributes.put(name, value);
		}
	}

	static Number number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < Long.MAX_VALUE) ? (Number) (long) value : value;
	}

}
