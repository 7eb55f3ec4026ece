package dev.replay.core.datadog;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Change-encoded full snapshots and mutations of
 * {@link DatadogReplayConverter}: URLs, style sheets and shadow roots.
 */
class DatadogChangeSnapshotTests {

	private static final String META = """
			{"type":4,"timestamp":1,"data":{"width":800,"height":600,"href":"http://127.0.0.1:8090/shop/page.html"}}""";

	private static final String SNAPSHOT = """
			{"type":2,"timestamp":1,"format":1,"data":[
			 [1,[null,"#document"],[1,"HTML"],[1,"HEAD"],[1,"LINK",["rel","stylesheet"],["href","css/site.css"]],
			  [0,"STYLE"],[4,"BODY"],[1,"IMG",["src","/assets/x.png"],["srcset","a.png 1x, /b.png 2x"]],
			  [0,"DIV",["style","background:url(bg.png)"]],[1,"#shadow-root"],[1,"SPAN"],[1,"#text","inside"]],
			 [6,[0,0,40]],
			 [7,["a{background:url(../img/a.png)}"],["b{background:url('/img/b.png')}"],[["x{color:red}","y{color:blue}"]]],
			 [8,[3,0],[4,1],[8,2]]]}""";

	private static final String CHANGE = """
			{"type":12,"timestamp":2,"data":[[1,[3,"B"]],[3,[6,["src","/c.png"]]],[6,[0,0,80]],[9,[6,1]]]}""";

	@Test
	void resolvesRelativeUrlsOfAttributesAgainstTheMetaHref() {
		JsonNode img = find(snapshot().path("data").path("node"), 6);
		assertThat(img.path("attributes").path("src").asString()).isEqualTo("http://127.0.0.1:8090/assets/x.png");
		assertThat(img.path("attributes").path("srcset").asString())
			.isEqualTo("http://127.0.0.1:8090/shop/a.png 1x, http://127.0.0.1:8090/b.png 2x");
		assertThat(find(snapshot().path("data").path("node"), 7).path("attributes").path("style").asString())
			.isEqualTo("background:url(http://127.0.0.1:8090/shop/bg.png)");
	}

	@Test
	void inlinesAttachedStyleSheetsWithUrlsResolvedAgainstTheirSheet() {
		JsonNode root = snapshot().path("data").path("node");
		assertThat(find(root, 3).path("attributes").path("_cssText").asString())
			.isEqualTo("a{background:url(http://127.0.0.1:8090/shop/img/a.png)}");
		assertThat(find(root, 4).path("attributes").path("_cssText").asString())
			.isEqualTo("b{background:url('http://127.0.0.1:8090/img/b.png')}");
	}

	@Test
	void flattensShadowRootsIntoTheirHost() {
		JsonNode host = find(snapshot().path("data").path("node"), 7);
		assertThat(host.path("isShadowHost").asBoolean()).isTrue();
		assertThat(host.path("childNodes")).singleElement().satisfies((span) -> {
			assertThat(span.path("id").asInt()).isEqualTo(9);
			assertThat(span.path("isShadow").asBoolean()).isTrue();
		});
	}

	@Test
	void emitsStyleSheetsAdoptedByAShadowRootAfterTheSnapshot() {
		List<JsonNode> events = DatadogReplayConverterTests.convert(META, SNAPSHOT);
		JsonNode adopted = events.get(2).path("data");
		assertThat(adopted.path("source").asInt()).isEqualTo(15);
		assertThat(adopted.path("id").asInt()).isEqualTo(7);
		assertThat(adopted.path("styleIds").get(0).asInt()).isEqualTo(3);
		assertThat(adopted.path("styles").get(0).path("rules")).hasSize(2);
	}

	@Test
	void takesTheInitialOffsetFromTheDocumentScrollPosition() {
		assertThat(snapshot().path("data").path("initialOffset").path("top").asInt()).isEqualTo(40);
	}

	@Test
	void rendersAChangeRecordAsRrwebIncrementalEvents() {
		List<JsonNode> events = DatadogReplayConverterTests.convert(META, SNAPSHOT, CHANGE);
		JsonNode mutation = events.get(3).path("data");
		assertThat(mutation.path("source").asInt()).isEqualTo(0);
		assertThat(mutation.path("adds")).singleElement().satisfies((add) -> {
			assertThat(add.path("parentId").asInt()).isEqualTo(7);
			assertThat(add.path("node").path("id").asInt()).isEqualTo(11);
			assertThat(add.path("node").path("isShadow").asBoolean()).isTrue();
		});
		assertThat(mutation.path("attributes").get(0).path("attributes").path("src").asString())
			.isEqualTo("http://127.0.0.1:8090/c.png");
		assertThat(events.get(4).path("data").path("source").asInt()).isEqualTo(3);
		assertThat(events.get(4).path("data").path("y").asInt()).isEqualTo(80);
		assertThat(events.get(5).path("data").path("source").asInt()).isEqualTo(7);
		assertThat(events.get(5).path("data").path("type").asInt()).isEqualTo(1);
		assertThat(ReplayDom.replay(events, Long.MAX_VALUE).problems()).isEmpty();
	}

	@Test
	void resolvesTheUrlsOfRecordedPagesAgainstTheirHref() {
		List<JsonNode> events = DatadogFixtures.convertFolder("errors-console");
		ReplayDom dom = ReplayDom.replay(events, Long.MAX_VALUE);
		assertThat(dom.elements("link")).anySatisfy((link) -> {
			assertThat(link.attributes.get("href")).isEqualTo("http://127.0.0.1:8090/assets/common.css");
			assertThat(link.attributes.get("_cssText")).contains(".topbar");
		});
	}

	private static JsonNode snapshot() {
		return DatadogReplayConverterTests.convert(META, SNAPSHOT).get(1);
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
