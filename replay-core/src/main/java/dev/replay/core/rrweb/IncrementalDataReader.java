package dev.replay.core.rrweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replay.core.dom.MediaChange;
import dev.replay.core.dom.Mutation;
import dev.replay.core.dom.StyleSheetChange;
import dev.replay.core.event.IncrementalData;
import dev.replay.core.event.IncrementalSource;
import dev.replay.core.event.MouseInteractionType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the data of incremental snapshots.
 */
final class IncrementalDataReader {

	private IncrementalDataReader() {
	}

	static IncrementalData read(JsonNode data) {
		IncrementalSource source = IncrementalSource.fromCode(data.path("source").asInt(-1));
		return switch (source) {
			case MUTATION -> new IncrementalData.DomMutation(MutationJson.read(data));
			case MOUSE_INTERACTION ->
				new IncrementalData.MouseInteraction(MouseInteractionType.fromCode(data.path("type").asInt(-1)),
						data.path("id").asInt(-1), data.path("x").asDouble(0), data.path("y").asDouble(0));
			case SCROLL -> new IncrementalData.Scroll(data.path("id").asInt(-1), data.path("x").asDouble(0),
					data.path("y").asDouble(0));
			case VIEWPORT_RESIZE ->
				new IncrementalData.ViewportResize(data.path("width").asInt(0), data.path("height").asInt(0));
			case INPUT -> new IncrementalData.Input(data.path("id").asInt(-1), data.path("text").asString(""),
					data.path("isChecked").asBoolean(false));
			case MEDIA_INTERACTION -> new IncrementalData.Media(media(data));
			case STYLE_SHEET_RULE -> new IncrementalData.StyleSheet(source, rules(data));
			case STYLE_DECLARATION -> new IncrementalData.StyleSheet(source, declaration(data));
			case ADOPTED_STYLE_SHEET -> new IncrementalData.StyleSheet(source, adoption(data));
			case FONT -> new IncrementalData.Font(RecordingJson.mapper().writeValueAsBytes(data));
			case MOUSE_MOVE, TOUCH_MOVE, DRAG -> pointerMove(source, data.path("positions"));
			case CANVAS_MUTATION, LOG, SELECTION, CUSTOM_ELEMENT, UNKNOWN -> new IncrementalData.Other(source);
		};
	}

	// The last of the positions, as rrweb's replayer keeps only that one when it applies
	// the event while seeking.
	private static IncrementalData pointerMove(IncrementalSource source, JsonNode positions) {
		if (!positions.isArray() || positions.isEmpty()) {
			return new IncrementalData.Other(source);
		}
		JsonNode last = positions.get(positions.size() - 1);
		return new IncrementalData.PointerMove(source, last.path("id").asInt(-1), last.path("x").asDouble(0),
				last.path("y").asDouble(0));
	}

	private static MediaChange media(JsonNode data) {
		return new MediaChange(data.path("id").asInt(-1), data.path("type").asInt(-1), number(data, "currentTime"),
				number(data, "volume"), flag(data, "muted"), number(data, "playbackRate"), flag(data, "loop"));
	}

	private static StyleSheetChange.Rules rules(JsonNode data) {
		List<StyleSheetChange.RuleInsertion> adds = new ArrayList<>();
		for (JsonNode add : data.path("adds")) {
			adds.add(new StyleSheetChange.RuleInsertion(add.path("rule").asString(""), indexPath(add.path("index"))));
		}
		List<List<Integer>> removes = new ArrayList<>();
		for (JsonNode remove : data.path("removes")) {
			removes.add(indexPath(remove.path("index")));
		}
		String replace = data.path("replaceSync").isString() ? data.path("replaceSync").stringValue()
				: data.path("replace").isString() ? data.path("replace").stringValue() : null;
		return new StyleSheetChange.Rules(optionalId(data, "id"), optionalId(data, "styleId"), adds, removes, replace);
	}

	private static StyleSheetChange.Declaration declaration(JsonNode data) {
		JsonNode set = data.path("set");
		String property = set.isObject() ? set.path("property").asString("")
				: data.path("remove").path("property").asString("");
		Mutation.StyleProperty value = (set.isObject() && set.path("value").isString())
				? new Mutation.StyleProperty(set.path("value").stringValue(), set.path("priority").asString("")) : null;
		return new StyleSheetChange.Declaration(optionalId(data, "id"), optionalId(data, "styleId"),
				indexPath(data.path("index")), property, value);
	}

	private static StyleSheetChange.Adoption adoption(JsonNode data) {
		List<Integer> styleIds = new ArrayList<>();
		data.path("styleIds").forEach((id) -> styleIds.add(id.asInt(-1)));
		Map<Integer, List<String>> sheets = new LinkedHashMap<>();
		for (JsonNode style : data.path("styles")) {
			List<String> rules = new ArrayList<>();
			style.path("rules").forEach((rule) -> rules.add(rule.path("rule").asString("")));
			sheets.put(style.path("styleId").asInt(-1), rules);
		}
		return new StyleSheetChange.Adoption(data.path("id").asInt(-1), styleIds, sheets);
	}

	private static List<Integer> indexPath(JsonNode index) {
		if (index.isNumber()) {
			return List.of(index.asInt(0));
		}
		List<Integer> path = new ArrayList<>();
		index.forEach((position) -> path.add(position.asInt(0)));
		return path;
	}

	private static @Nullable Integer optionalId(JsonNode data, String name) {
		return data.path(name).isNumber() ? data.path(name).asInt(0) : null;
	}

	private static @Nullable Double number(JsonNode data, String name) {
		return data.path(name).isNumber() ? data.path(name).asDouble(0) : null;
	}

	private static @Nullable Boolean flag(JsonNode data, String name) {
		return data.path(name).isBoolean() ? data.path(name).booleanValue() : null;
	}

}
