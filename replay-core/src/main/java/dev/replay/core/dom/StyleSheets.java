package dev.replay.core.dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The style sheets changed through the CSS object model: rules of {@code <style>} and
 * {@code <link>} sheets, written back into the node's CSS text, and constructed sheets
 * adopted by documents and shadow roots, kept as rule lists.
 */
final class StyleSheets {

	private final Map<Integer, List<CssRule>> constructed = new LinkedHashMap<>();

	private final Map<Integer, List<Integer>> adoptions = new LinkedHashMap<>();

	void reset() {
		this.constructed.clear();
		this.adoptions.clear();
	}

	void apply(StyleSheetChange change, NodeMirror mirror) {
		if (change instanceof StyleSheetChange.Adoption adoption) {
			adoption.newSheets().forEach((styleId, rules) -> this.constructed.put(styleId, parseRules(rules)));
			this.adoptions.put(adoption.hostId(), List.copyOf(adoption.styleIds()));
		}
		else if (change instanceof StyleSheetChange.Rules rules) {
			edit(rules.nodeId(), rules.styleId(), mirror, (sheet) -> applyRules(sheet, rules));
		}
		else if (change instanceof StyleSheetChange.Declaration declaration) {
			edit(declaration.nodeId(), declaration.styleId(), mirror, (sheet) -> {
				CssRule rule = ruleAt(sheet, declaration.index());
				if (rule != null) {
					rule.setProperty(declaration.property(), declaration.value());
				}
				return sheet;
			});
		}
	}

	// The adoptions of constructed sheets, each sheet's rules given at its first use.
	List<StyleSheetChange.Adoption> snapshot() {
		List<StyleSheetChange.Adoption> snapshot = new ArrayList<>();
		Set<Integer> defined = new LinkedHashSet<>();
		this.adoptions.forEach((hostId, styleIds) -> {
			Map<Integer, List<String>> sheets = new LinkedHashMap<>();
			for (Integer styleId : styleIds) {
				List<CssRule> rules = this.constructed.get(styleId);
				if (rules != null && defined.add(styleId)) {
					sheets.put(styleId, rules.stream().map((rule) -> CssRule.serialize(List.of(rule))).toList());
				}
			}
			snapshot.add(new StyleSheetChange.Adoption(hostId, styleIds, sheets));
		});
		return snapshot;
	}

	private void edit(@Nullable Integer nodeId, @Nullable Integer styleId, NodeMirror mirror, SheetEdit edit) {
		if (styleId != null) {
			List<CssRule> sheet = this.constructed.get(styleId);
			if (sheet != null) {
				this.constructed.put(styleId, edit.apply(sheet));
			}
			return;
		}
		PageNode owner = mirror.get(nodeId);
		String css = (owner != null) ? cssText(owner) : null;
		if (owner != null && css != null) {
			writeCssText(owner, CssRule.serialize(edit.apply(CssRule.parseSheet(css))));
		}
	}

	private static List<CssRule> parseRules(List<String> rules) {
		List<CssRule> parsed = new ArrayList<>();
		for (String rule : rules) {
			parsed.addAll(CssRule.parseSheet(rule));
		}
		return parsed;
	}

	private static List<CssRule> applyRules(List<CssRule> sheet, StyleSheetChange.Rules change) {
		for (StyleSheetChange.RuleInsertion insertion : change.adds()) {
			CssRule rule = CssRule.parse(insertion.rule());
			List<CssRule> rules = rulesAt(sheet, insertion.index());
			int index = insertion.index().isEmpty() ? 0 : insertion.index().get(insertion.index().size() - 1);
			if (rule != null && rules != null && index >= 0) {
				rules.add(Math.min(index, rules.size()), rule);
			}
		}
		for (List<Integer> path : change.removes()) {
			List<CssRule> rules = rulesAt(sheet, path);
			int index = path.isEmpty() ? 0 : path.get(path.size() - 1);
			if (rules != null && index >= 0 && index < rules.size()) {
				rules.remove(index);
			}
		}
		return (change.replace() != null) ? CssRule.parseSheet(change.replace()) : sheet;
	}

	// The rule list that the last position of an index path points into.
	private static @Nullable List<CssRule> rulesAt(List<CssRule> sheet, List<Integer> path) {
		List<CssRule> rules = sheet;
		for (int i = 0; i < path.size() - 1; i++) {
			int position = path.get(i);
			if (rules == null || position < 0 || position >= rules.size()) {
				return null;
			}
			rules = rules.get(position).children();
		}
		return rules;
	}

	private static @Nullable CssRule ruleAt(List<CssRule> sheet, List<Integer> path) {
		List<CssRule> rules = path.isEmpty() ? null : rulesAt(sheet, path);
		int index = path.isEmpty() ? -1 : path.get(path.size() - 1);
		return (rules != null && index >= 0 && index < rules.size()) ? rules.get(index) : null;
	}

	// The CSS text of a style sheet's owner node, null for a linked sheet
	// whose rules were not recorded.
	static @Nullable String cssText(PageNode owner) {
		if (owner.attributes.get("_cssText") instanceof String css) {
			return css;
		}
		return owner.isElement("style") ? NodeAttributes.textOf(owner) : null;
	}

	// Write a sheet back: into _cssText where the node has it or no text
	// child, else into its text children, so that their ids stay valid for
	// later mutations.
	private static void writeCssText(PageNode owner, String css) {
		List<PageNode> texts = owner.children.stream().filter((child) -> child.type == NodeType.TEXT).toList();
		if (owner.attributes.containsKey("_cssText") || texts.isEmpty()) {
			owner.attributes.put("_cssText", css);
			return;
		}
		texts.get(0).text = css;
		texts.subList(1, texts.size()).forEach((text) -> text.text = "");
	}

	@FunctionalInterface
	private interface SheetEdit {

		List<CssRule> apply(List<CssRule> sheet);

	}

}
