package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What one Change record did to the document, collected while it is applied so that it
 * can be rendered as rrweb incremental events afterwards.
 */
final class ChangeLog {

	final Set<Integer> added = new LinkedHashSet<>();

	final List<Removal> removed = new ArrayList<>();

	final Map<Integer, String> texts = new LinkedHashMap<>();

	final Map<Integer, Map<String, @Nullable String>> attributes = new LinkedHashMap<>();

	final List<double[]> scrolls = new ArrayList<>();

	final List<int[]> media = new ArrayList<>();

	final List<JsonNode> viewports = new ArrayList<>();

	final List<Input> inputs = new ArrayList<>();

	final Set<Integer> adopted = new LinkedHashSet<>();

	final List<JsonNode> unknown = new ArrayList<>();

	boolean isNew(int id) {
		return this.added.contains(id);
	}

	void attribute(int id, String name, @Nullable String value) {
		this.attributes.computeIfAbsent(id, (key) -> new LinkedHashMap<>()).put(name, value);
	}

	/**
	 * A node that existed before the record and was removed by it.
	 *
	 * @param id the node id
	 * @param parentId the id of its parent (for a shadow root's child: the host) at the
	 * time of removal
	 * @param shadow whether the node was a child of a shadow root
	 */
	record Removal(int id, int parentId, boolean shadow) {
	}

	/**
	 * A change of a form control's value or checked state.
	 *
	 * @param id the node id
	 * @param text the value
	 * @param checked the checked state
	 */
	record Input(int id, String text, boolean checked) {
	}

}
