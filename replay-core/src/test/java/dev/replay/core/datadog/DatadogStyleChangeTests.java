package dev.replay.core.datadog;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link DatadogReplayConverter} carries style changes made after the full
 * snapshot (style sheet rules, a style's new text, a link's new sheet) and the elements
 * of shadow roots into rrweb events, in the shape that rrweb's own recorder gives them.
 */
class DatadogStyleChangeTests {

	private static final String META = """
			{"type":4,"timestamp":1,"data":{"width":800,"height":600,"href":"http://127.0.0.1:8090/shop/page.html"}}""";

	// #document 0, HTML 1, HEAD 2, LINK 3, STYLE 4, BODY 5, DIV 6, #shadow-root 7, IMG 8
	private static final String SNAPSHOT = """
			{"type":2,"timestamp":1,"format":1,"data":[
			 [1,[null,"#document"],[1,"HTML"],[1,"HEAD"],[1,"LINK",["rel","stylesheet"],["href","css/ocean.css"]],
			  [0,"STYLE",["id","theme"]],[4,"BODY"],[1,"DIV"],[1,"#shadow-root"],[1,"IMG",["src","img/a.png"],["alt","A"]]],
			 [7,["a{color:blue}"],["body{background:#f6f7fb}"]],
			 [8,[3,0],[4,1]]]}""";

	// #document 0, HTML 1, BODY 2, DIV 3, #shadow-root 4, IMG 5
	private static final String V1_SNAPSHOT = """
			{"type":2,"timestamp":1,"data":{"node":{"type":0,"id":0,"childNodes":[
			 {"type":2,"id":1,"tagName":"html","attributes":{},"childNodes":[
			  {"type":2,"id":2,"tagName":"body","attributes":{},"childNodes":[
			   {"type":2,"id":3,"tagName":"div","attributes":{},"childNodes":[
			    {"type":11,"id":4,"isShadowRoot":true,"childNodes":[
			     {"type":2,"id":5,"tagName":"img","attributes":{"src":"img/a.png","alt":"A"},"childNodes":[]}]}]}]}]}]},
			 "initialOffset":{"left":0,"top":0}}}""";

	@Test
	void passesInsertedAndDeletedStyleSheetRulesOnAsRrwebStyleSheetRules() {
		List<JsonNode> events = convert(
				"""
						{"type":3,"timestamp":2,"data":{"source":8,"id":4,"adds":[{"rule":"b{background:url(b.png)}","index":1}]}}""",
				"""
						{"type":3,"timestamp":3,"data":{"source":8,"id":4,"removes":[{"index":0}]}}""");
		JsonNode insert = events.get(events.size() - 2);
		assertThat(insert.path("type").asInt()).isEqualTo(3);
		assertThat(insert.path("data").path("source").asInt()).isEqualTo(8);
		assertThat(insert.path("data").path("id").asInt()).isEqualTo(4);
		assertThat(insert.path("data").path("adds")).singleElement().satisfies((add) -> {
			assertThat(add.path("rule").asString()).isEqualTo("b{background:url(http://127.0.0.1:8090/shop/b.png)}");
			assertThat(add.path("index").asInt()).isEqualTo(1);
		});
		JsonNode delete = events.get(events.size() - 1).path("data");
		assertThat(delete.path("source").asInt()).isEqualTo(8);
		assertThat(delete.path("id").asInt()).isEqualTo(4);
		assertThat(delete.path("removes").get(0).path("index").asInt()).isEqualTo(0);
	}

	@Test
	void carriesTheNewSheetOfAStyleWhoseTextWasReplacedAsItsCssText() {
		JsonNode mutation = lastMutation(convert("""
				{"type":12,"timestamp":2,"data":[[7,["body{background:#212529}"]],[8,[4,2]]]}"""));
		assertThat(mutation.path("attributes")).singleElement().satisfies((attributes) -> {
			assertThat(attributes.path("id").asInt()).isEqualTo(4);
			assertThat(attributes.path("attributes").properties()).extracting((entry) -> entry.getKey())
				.containsExactly("_cssText");
			assertThat(attributes.path("attributes").path("_cssText").asString()).isEqualTo("body{background:#212529}");
		});
	}

	@Test
	void changesOnlyTheHrefOfALinkPointedAtAnotherSheetAsRrwebDoes() {
		JsonNode mutation = lastMutation(convert("""
				{"type":12,"timestamp":2,"data":[[3,[3,["href","css/sunset.css"]]]]}"""));
		assertThat(mutation.path("attributes")).singleElement().satisfies((attributes) -> {
			assertThat(attributes.path("id").asInt()).isEqualTo(3);
			assertThat(attributes.path("attributes").properties()).extracting((entry) -> entry.getKey())
				.containsExactly("href");
			assertThat(attributes.path("attributes").path("href").asString())
				.isEqualTo("http://127.0.0.1:8090/shop/css/sunset.css");
		});
		assertThat(mutation.path("adds")).isEmpty();
		assertThat(mutation.path("removes")).isEmpty();
	}

	@Test
	void resolvesTheUrlsOfALinksNewSheetAgainstItsNewHref() {
		JsonNode mutation = lastMutation(convert("""
				{"type":12,"timestamp":2,"data":[[3,[3,["href","../themes/sunset.css"]]],
				 [7,["a{background:url(sun.png)}"]],[8,[3,2]]]}"""));
		JsonNode attributes = mutation.path("attributes").get(0).path("attributes");
		assertThat(attributes.path("href").asString()).isEqualTo("http://127.0.0.1:8090/themes/sunset.css");
		assertThat(attributes.path("_cssText").asString())
			.isEqualTo("a{background:url(http://127.0.0.1:8090/themes/sun.png)}");
	}

	@Test
	void keepsTheTextAndCssTextChangesOfV1Mutations() {
		JsonNode mutation = lastMutation(convert("""
				{"type":3,"timestamp":2,"data":{"source":0,"adds":[],"removes":[],
				 "texts":[{"id":9,"value":"body{background:#212529}"}],
				 "attributes":[{"id":4,"attributes":{"_cssText":"i{background:url(i.png)}"}}]}}"""));
		assertThat(mutation.path("texts")).singleElement().satisfies((text) -> {
			assertThat(text.path("id").asInt()).isEqualTo(9);
			assertThat(text.path("value").asString()).isEqualTo("body{background:#212529}");
		});
		assertThat(mutation.path("attributes").get(0).path("attributes").path("_cssText").asString())
			.isEqualTo("i{background:url(http://127.0.0.1:8090/shop/i.png)}");
	}

	@Test
	void keepsTheAttributesOfAnImageInsideAShadowRoot() {
		JsonNode host = find(convert().get(1).path("data").path("node"), 6);
		assertThat(host.path("isShadowHost").asBoolean()).isTrue();
		assertThat(host.path("childNodes")).singleElement().satisfies((image) -> {
			assertThat(image.path("id").asInt()).isEqualTo(8);
			assertThat(image.path("tagName").asString()).isEqualTo("img");
			assertThat(image.path("isShadow").asBoolean()).isTrue();
			assertThat(image.path("attributes").path("src").asString())
				.isEqualTo("http://127.0.0.1:8090/shop/img/a.png");
			assertThat(image.path("attributes").path("alt").asString()).isEqualTo("A");
		});
	}

	@Test
	void addsAnImageToAShadowRootAsAShadowChildOfItsHost() {
		List<JsonNode> events = convert(
				"""
						{"type":12,"timestamp":2,"data":[[1,[2,"IMG",["src","/b.png"],["width","10"]]],[3,[8,["src","c.png"]]]]}""");
		JsonNode mutation = lastMutation(events);
		assertThat(mutation.path("adds")).singleElement().satisfies((add) -> {
			assertThat(add.path("parentId").asInt()).isEqualTo(6);
			assertThat(add.path("node").path("id").asInt()).isEqualTo(9);
			assertThat(add.path("node").path("isShadow").asBoolean()).isTrue();
			assertThat(add.path("node").path("attributes").path("src").asString())
				.isEqualTo("http://127.0.0.1:8090/b.png");
			assertThat(add.path("node").path("attributes").path("width").asString()).isEqualTo("10");
		});
		assertThat(mutation.path("attributes").get(0).path("attributes").path("src").asString())
			.isEqualTo("http://127.0.0.1:8090/shop/c.png");
		assertThat(ReplayDom.replay(events, Long.MAX_VALUE).problems()).isEmpty();
	}

	@Test
	void keepsTheAttributesOfAnImageInsideAV1ShadowRoot() {
		List<JsonNode> events = DatadogReplayConverterTests.convert(META, V1_SNAPSHOT, """
				{"type":3,"timestamp":2,"data":{"source":0,"removes":[],"texts":[],"attributes":[],
				 "adds":[{"parentId":4,"nextId":null,"node":{"type":2,"id":6,"tagName":"img",
				  "attributes":{"src":"/b.png"},"childNodes":[]}}]}}""");
		JsonNode host = find(events.get(1).path("data").path("node"), 3);
		assertThat(host.path("isShadowHost").asBoolean()).isTrue();
		assertThat(host.path("childNodes")).singleElement().satisfies((image) -> {
			assertThat(image.path("isShadow").asBoolean()).isTrue();
			assertThat(image.path("attributes").path("src").asString())
				.isEqualTo("http://127.0.0.1:8090/shop/img/a.png");
			assertThat(image.path("attributes").path("alt").asString()).isEqualTo("A");
		});
		assertThat(lastMutation(events).path("adds")).singleElement().satisfies((add) -> {
			assertThat(add.path("parentId").asInt()).isEqualTo(3);
			assertThat(add.path("node").path("isShadow").asBoolean()).isTrue();
			assertThat(add.path("node").path("attributes").path("src").asString())
				.isEqualTo("http://127.0.0.1:8090/b.png");
		});
	}

	private static List<JsonNode> convert(String... records) {
		String[] all = new String[records.length + 2];
		all[0] = META;
		all[1] = SNAPSHOT;
		System.arraycopy(records, 0, all, 2, records.length);
		return DatadogReplayConverterTests.convert(all);
	}

	private static JsonNode lastMutation(List<JsonNode> events) {
		return events.stream()
			.filter((event) -> event.path("type").asInt() == 3 && event.path("data").path("source").asInt() == 0)
			.reduce((first, second) -> second)
			.orElseThrow()
			.path("data");
	}

	private static JsonNode find(JsonNode node, int id) {
		if (node.path("id").asInt(-1) == id) {
			return node;
		}
		for (JsonNode child : node.path("childNodes")) {
			JsonNode found = find(child, id);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
