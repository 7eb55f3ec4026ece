package dev.replay.core.playback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedStyleSheetsTests {

	// a page whose linked sheet was inlined (id 5) beside a link that was not (id 6)
	private static final String SNAPSHOT = """
			{"type":2,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"tagName":"html","id":2,
			"attributes":{},"childNodes":[{"type":2,"tagName":"head","id":3,"attributes":{},"childNodes":[
			{"type":2,"tagName":"link","id":5,"attributes":{"_cssText":"body { color: blue; }"},"childNodes":[]},
			{"type":2,"tagName":"link","id":6,"attributes":{"rel":"icon","href":"https://shop.test/a.ico"},
			"childNodes":[]}]}]}]},"initialOffset":{"top":0,"left":0}},"timestamp":1000}""";

	@Test
	void importsTheNewSheetWhenTheHrefOfAnInlinedLinkChanges() {
		LinkedStyleSheets links = new LinkedStyleSheets();
		apply(links, SNAPSHOT);
		String swapped = apply(links, hrefChange(5, "https://shop.test/forest.css?v=\\\"2\\\""));
		assertThat(swapped)
			.contains("\"_cssText\":\"@import url(\\\"https://shop.test/forest.css?v=\\\\\\\"2\\\\\\\"\\\");\"")
			.contains("\"href\":\"https://shop.test/forest.css?v=\\\"2\\\"\"");
	}

	@Test
	void importsARelativeHrefResolvedAgainstThePage() {
		LinkedStyleSheets links = new LinkedStyleSheets();
		apply(links, "{\"type\":4,\"data\":{\"href\":\"https://shop.test/lab/page.html\",\"width\":800,"
				+ "\"height\":600},\"timestamp\":1000}");
		apply(links, SNAPSHOT);
		assertThat(apply(links, hrefChange(5, "/assets/sunset.css")))
			.contains("@import url(\\\"https://shop.test/assets/sunset.css\\\");")
			.contains("\"href\":\"/assets/sunset.css\"");
	}

	@Test
	void leavesOtherHrefChangesAsTheyAre() {
		LinkedStyleSheets links = new LinkedStyleSheets();
		apply(links, SNAPSHOT);
		String icon = hrefChange(6, "https://shop.test/b.ico");
		assertThat(apply(links, icon)).isEqualTo(icon);
		String removed = "{\"type\":3,\"data\":{\"source\":0,\"adds\":[],\"removes\":[],\"texts\":[],"
				+ "\"attributes\":[{\"id\":5,\"attributes\":{\"href\":null}}]},\"timestamp\":1100}";
		assertThat(apply(links, removed)).isEqualTo(removed);
		String recorded = "{\"type\":3,\"data\":{\"source\":0,\"adds\":[],\"removes\":[],\"texts\":[],"
				+ "\"attributes\":[{\"id\":5,\"attributes\":{\"href\":\"https://shop.test/x.css\","
				+ "\"_cssText\":\"body{color:red}\"}}]},\"timestamp\":1100}";
		assertThat(apply(links, recorded)).isEqualTo(recorded);
	}

	@Test
	void followsInlinedLinksAddedByMutationsAndForgetsThoseOfAnEarlierSnapshot() {
		LinkedStyleSheets links = new LinkedStyleSheets();
		apply(links, SNAPSHOT);
		apply(links, """
				{"type":3,"data":{"source":0,"adds":[{"parentId":3,"nextId":null,"node":{"type":2,"tagName":"link",
				"id":9,"attributes":{"_cssText":"p { margin: 0; }"},"childNodes":[]}}],"removes":[],"texts":[],
				"attributes":[]},"timestamp":1200}""");
		assertThat(apply(links, hrefChange(9, "https://shop.test/late.css"))).contains("@import url(");
		apply(links, SNAPSHOT.replace("\"_cssText\":\"body { color: blue; }\"", "\"rel\":\"stylesheet\""));
		String later = hrefChange(5, "https://shop.test/forest.css");
		assertThat(apply(links, later)).isEqualTo(later);
	}

	@Test
	void keyframesAfterTheChangeImportTheNewSheet() throws Exception {
		List<PlaybackKeyframe> keyframes = new ArrayList<>();
		PlaybackIndexer indexer = new PlaybackIndexer(new KeyframePolicy(3_600_000, 1), keyframes::add);
		indexer.accept(event("{\"type\":4,\"data\":{\"href\":\"https://shop.test/\",\"width\":800,\"height\":600},"
				+ "\"timestamp\":1000}"));
		indexer.accept(event(SNAPSHOT));
		indexer.accept(event(hrefChange(5, "https://shop.test/forest.css")));
		indexer.accept(event(hrefChange(6, "https://shop.test/c.ico")));
		indexer.finish();
		PlaybackKeyframe last = keyframes.get(keyframes.size() - 1);
		String snapshot = last.events()
			.stream()
			.map((event) -> new String(event.json(), StandardCharsets.UTF_8))
			.filter((json) -> json.contains("\"type\":2"))
			.findFirst()
			.orElseThrow();
		assertThat(snapshot).contains("@import url(\\\"https://shop.test/forest.css\\\");")
			.doesNotContain("color: blue");
	}

	private static String hrefChange(int id, String href) {
		return "{\"type\":3,\"data\":{\"source\":0,\"adds\":[],\"removes\":[],\"texts\":[],\"attributes\":[{\"id\":"
				+ id + ",\"attributes\":{\"href\":\"" + href + "\"}}]},\"timestamp\":1100}";
	}

	private static String apply(LinkedStyleSheets links, String json) {
		return new String(links.apply(event(json)).json(), StandardCharsets.UTF_8);
	}

	private static RawEvent event(String json) {
		return new RawEvent(1000, json.getBytes(StandardCharsets.UTF_8));
	}

}
