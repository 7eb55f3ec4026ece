package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The string table of one Datadog recording scope: strings added by {@code AddString} and
 * {@code AddRoleAnnotatedStrings} changes, referenced later by their index.
 */
final class StringTable {

	private final List<String> strings = new ArrayList<>();

	void add(String value) {
		this.strings.add(value);
	}

	int size() {
		return this.strings.size();
	}

	/**
	 * Decode a string slot: a literal, a role-annotated literal
	 * ({@code {"role":n,"string":"…"}}) or an index into the table.
	 * @param slot the JSON value of the slot
	 * @return the string, never {@code null}
	 */
	String decode(JsonNode slot) {
		if (slot.isString()) {
			return slot.stringValue();
		}
		if (slot.isIntegralNumber()) {
			int index = slot.intValue();
			if (index < 0 || index >= this.strings.size()) {
				throw new DatadogFormatException(
						"String reference " + index + " is outside the string table of size " + this.strings.size());
			}
			return this.strings.get(index);
		}
		if (slot.isObject() && slot.path("string").isString()) {
			return slot.path("string").stringValue();
		}
		throw new DatadogFormatException("Expected a string or a string reference but found " + slot.getNodeType());
	}

}
