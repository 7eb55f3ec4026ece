package dev.replay.core.dom;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A change to a style sheet made through the CSS object model, which rrweb records apart
 * from DOM mutations.
 */
public sealed interface StyleSheetChange {

	/**
	 * Rules inserted, deleted or replaced, in the sheet of a
	 * {@code <style>}/{@code <link>} node or in an adopted sheet.
	 *
	 * @param nodeId the owner node of the sheet, or {@code null} for an adopted sheet
	 * @param styleId the adopted sheet's id, or {@code null}
	 * @param adds rules inserted, each at an index path (empty: index 0)
	 * @param removes index paths of rules deleted
	 * @param replace the new text of the whole sheet
	 * ({@code replace}/{@code replaceSync})
	 */
	record Rules(@Nullable Integer nodeId, @Nullable Integer styleId, List<RuleInsertion> adds,
			List<List<Integer>> removes, @Nullable String replace) implements StyleSheetChange {

	}

	/**
	 * A property set or removed in one style rule.
	 *
	 * @param nodeId the owner node of the sheet, or {@code null} for an adopted sheet
	 * @param styleId the adopted sheet's id, or {@code null}
	 * @param index the index path of the rule
	 * @param property the property name
	 * @param value the new value, {@code null} to remove the property
	 */
	record Declaration(@Nullable Integer nodeId, @Nullable Integer styleId, List<Integer> index, String property,
			Mutation.@Nullable StyleProperty value) implements StyleSheetChange {

	}

	/**
	 * The sheets adopted by a document or shadow root, with the rules of sheets seen for
	 * the first time.
	 *
	 * @param hostId the document or shadow host
	 * @param styleIds the adopted sheets, in order
	 * @param newSheets the rules of each newly defined sheet, by style id
	 */
	record Adoption(int hostId, List<Integer> styleIds,
			Map<Integer, List<String>> newSheets) implements StyleSheetChange {

	}

	/**
	 * A rule inserted into a sheet.
	 *
	 * @param rule the rule's text
	 * @param index the index path, empty when the recorder gave none
	 */
	record RuleInsertion(String rule, List<Integer> index) {

	}

}
