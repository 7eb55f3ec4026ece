package dev.replay.core.asset;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.replay.core.rrweb.RecordingJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AssetUrlRewriterTests {

	private static final Map<String, String> CAPTURED = Map.of("https://shop.example/a.png", "/api/v1/assets/aaa",
			"https://shop.example/b.png", "/api/v1/assets/bbb", "https://cdn.example/font.woff2", "/api/v1/assets/fff",
			"https://shop.example/sprite.svg", "/api/v1/assets/sss");

	@Test
	void replacesUrlsInAttributesCssAndSrcsets() {
		String event = """
				{"type":3,"data":{"source":0,"adds":[{"parentId":1,"node":{"type":2,"id":5,"tagName":"img",
				"attributes":{"src":"https://shop.example/a.png","srcset":"https://shop.example/a.png 1x,https://shop.example/b.png 2x",
				"style":"background: url(\\"https://shop.example/b.png\\"), url('https://shop.example/a.png'), url(https://shop.example/b.png)"},
				"childNodes":[]}}]},"timestamp":7}""";
		JsonNode attributes = parse(rewrite(event, CAPTURED::get)).at("/data/adds/0/node/attributes");
		assertThat(attributes.path("src").asString()).isEqualTo("/api/v1/assets/aaa");
		assertThat(attributes.path("srcset").asString()).isEqualTo("/api/v1/assets/aaa 1x,/api/v1/assets/bbb 2x");
		assertThat(attributes.path("style").asString())
			.isEqualTo("background: url(\"/api/v1/assets/bbb\"), url('/api/v1/assets/aaa'), url(/api/v1/assets/bbb)");
	}

	@Test
	void readsUrlsWithJsonEscapes() {
		String event = """
				{"type":2,"data":{"src":"https:\\/\\/shop.example\\/a.png","css":"@import \\"https:\\u002F\\u002Fshop.example/b.png\\";"}}""";
		JsonNode rewritten = parse(rewrite(event, CAPTURED::get));
		assertThat(rewritten.at("/data/src").asString()).isEqualTo("/api/v1/assets/aaa");
		assertThat(rewritten.at("/data/css").asString()).isEqualTo("@import \"/api/v1/assets/bbb\";");
	}

	@Test
	void looksUpUrlsWithoutFragmentAndKeepsTheFragment() {
		List<String> asked = new ArrayList<>();
		String event = "{\"href\":\"https://shop.example/sprite.svg#cart\"}";
		String rewritten = rewrite(event, (url) -> {
			asked.add(url);
			return CAPTURED.get(url);
		});
		assertThat(asked).containsExactly("https://shop.example/sprite.svg");
		assertThat(rewritten).isEqualTo("{\"href\":\"/api/v1/assets/sss#cart\"}");
	}

	@Test
	void asksForWholeUrlsOnly() {
		List<String> asked = new ArrayList<>();
		String event = """
				{"a":"xhttp://shop.example/a.png","b":"https://shop.example/go?to=http://other.example/x.png",
				"c":"url(\\"https://shop.example/a(1).png\\")","d":"url(https://shop.example/b.png)","e":"http://",
				"f":"see http://shop.example/a.png, then","g":"HTTP://SHOP.EXAMPLE/A.PNG","h":12}""";
		byte[] json = event.getBytes(StandardCharsets.UTF_8);
		byte[] rewritten = AssetUrlRewriter.rewriteEvent(json, (url) -> {
			asked.add(url);
			return null;
		});
		assertThat(rewritten).isSameAs(json);
		assertThat(asked).containsExactly("https://shop.example/go?to=http://other.example/x.png",
				"https://shop.example/a(1).png", "https://shop.example/b.png", "http://shop.example/a.png");
	}

	@Test
	void returnsTheSameEventWhenNothingIsReplaced() {
		byte[] noUrl = "{\"type\":3,\"data\":{\"source\":1,\"positions\":[]},\"timestamp\":1}"
			.getBytes(StandardCharsets.UTF_8);
		byte[] unmapped = "{\"src\":\"https://shop.example/unknown.png\"}".getBytes(StandardCharsets.UTF_8);
		byte[] sameUrl = "{\"src\":\"https://shop.example/a.png\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(AssetUrlRewriter.rewriteEvent(noUrl, CAPTURED::get)).isSameAs(noUrl);
		assertThat(AssetUrlRewriter.rewriteEvent(unmapped, CAPTURED::get)).isSameAs(unmapped);
		assertThat(AssetUrlRewriter.rewriteEvent(sameUrl, Function.identity())).isSameAs(sameUrl);
	}

	@Test
	void writesReplacementsAsValidJson() {
		String rewritten = rewrite("{\"src\":\"https://shop.example/a.png\",\"n\":1}",
				(url) -> "/assets/\"quoted\"\\é\n");
		assertThat(parse(rewritten).path("src").asString()).isEqualTo("/assets/\"quoted\"\\é\n");
	}

	@Test
	void leavesUrlsLongerThanTheLimitAlone() {
		List<String> asked = new ArrayList<>();
		String longUrl = "https://shop.example/" + "a".repeat(AssetScanner.MAX_URL_LENGTH);
		String event = "{\"a\":\"" + longUrl + "\",\"b\":\"https://shop.example/b.png\"}";
		String rewritten = rewrite(event, (url) -> {
			asked.add(url);
			return CAPTURED.get(url);
		});
		assertThat(asked).containsExactly("https://shop.example/b.png");
		assertThat(rewritten).contains(longUrl).contains("/api/v1/assets/bbb");
	}

	@Test
	void rewritesStylesheetsAgainstTheirOwnUrl() {
		String css = """
				@import "print.css" print;
				@import url('https://cdn.example/reset.css');
				@font-face { src: url(../fonts/font.woff2#iefix) format("woff2"), local("Font"); }
				/* url(commented.png) */
				.a { background: url( "../img/b.png" ) , url(data:image/gif;base64,R0lGOD) }
				.b { content: "url(not-a-url.png)"; background-image: image-set("c.png" 1x) }""";
		Map<String, String> captured = Map.of("https://cdn.example/fonts/font.woff2", "/api/v1/assets/fff",
				"https://cdn.example/img/b.png", "/api/v1/assets/b b");
		String rewritten = AssetUrlRewriter.rewriteStylesheet(css, URI.create("https://cdn.example/css/site.css"),
				captured::get);
		assertThat(rewritten).isEqualTo(
				"""
						@import "https://cdn.example/css/print.css" print;
						@import url('https://cdn.example/reset.css');
						@font-face { src: url(/api/v1/assets/fff#iefix) format("woff2"), local("Font"); }
						/* url(commented.png) */
						.a { background: url( "/api/v1/assets/b b" ) , url(data:image/gif;base64,R0lGOD) }
						.b { content: "url(not-a-url.png)"; background-image: image-set("https://cdn.example/css/c.png" 1x) }""");
	}

	@Test
	void quotesBareUrlsThatNeedIt() {
		String rewritten = AssetUrlRewriter.rewriteStylesheet("a { background: url(x.png) }",
				URI.create("https://cdn.example/"), (url) -> "/assets/a (1).png");
		assertThat(rewritten).isEqualTo("a { background: url(\"/assets/a (1).png\") }");
	}

	@Test
	void returnsTheSameStylesheetWhenNothingChanges() {
		String css = "a { background: url(https://cdn.example/x.png) } b { background: url(data:,) }";
		assertThat(AssetUrlRewriter.rewriteStylesheet(css, URI.create("https://cdn.example/"), (url) -> null))
			.isSameAs(css);
	}

	private static String rewrite(String event, Function<String, String> replacement) {
		return new String(AssetUrlRewriter.rewriteEvent(event.getBytes(StandardCharsets.UTF_8), replacement),
				StandardCharsets.UTF_8);
	}

	private static JsonNode parse(String json) {
		return RecordingJson.mapper().readTree(json);
	}

}
