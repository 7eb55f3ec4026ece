package dev.replay.core.asset;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssetScannerTests {

	private static final String META = """
			{"type":4,"data":{"href":"https://shop.example/catalog/page.html?q=1","width":1280,"height":720},
			"timestamp":1}""";

	@Test
	void findsImageSourcesAndSrcsetCandidates() {
		Set<AssetReference> references = scan(META, snapshot(element(10, "img", """
				{"src":"img/a.png","srcset":"b.png 1x, https://cdn.example/c,d.png 2x,e.png"}""")));
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/catalog/img/a.png"),
				image("https://shop.example/catalog/b.png"), image("https://cdn.example/c,d.png"),
				image("https://shop.example/catalog/e.png"));
	}

	@Test
	void findsPictureSourcesAndVideoPostersButNotVideoSources() {
		Set<AssetReference> references = scan(META,
				snapshot(element(10, "picture", "{}", element(11, "source", """
						{"srcset":"/wide.webp 800w, /narrow.webp 400w","type":"image/webp"}""")),
						element(12, "video", "{\"poster\":\"/poster.jpg\",\"src\":\"/movie.mp4\"}",
								element(13, "source", "{\"src\":\"/movie.webm\"}"))));
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/wide.webp"),
				image("https://shop.example/narrow.webp"), image("https://shop.example/poster.jpg"));
	}

	@Test
	void findsImageInputsOnly() {
		Set<AssetReference> references = scan(META,
				snapshot(element(10, "input", "{\"type\":\"image\",\"src\":\"/go.png\"}"),
						element(11, "input", "{\"type\":\"text\",\"src\":\"/not-shown.png\"}"),
						element(12, "script", "{\"src\":\"/app.js\"}"), element(13, "iframe", "{\"src\":\"/frame\"}")));
		assertThat(references).containsExactly(image("https://shop.example/go.png"));
	}

	@Test
	void judgesLinksByRelAndAs() {
		Set<AssetReference> references = scan(META,
				snapshot(element(10, "link", "{\"rel\":\"stylesheet\",\"href\":\"/site.css\"}"),
						element(11, "link", "{\"rel\":\"shortcut icon\",\"href\":\"/favicon.ico\"}"),
						element(12, "link", "{\"rel\":\"apple-touch-icon\",\"href\":\"/touch.png\"}"),
						element(13, "link", "{\"rel\":\"preload\",\"as\":\"font\",\"href\":\"/f.woff2\"}"),
						element(14, "link", "{\"rel\":\"preload\",\"as\":\"image\",\"imagesrcset\":\"/hero.avif 2x\"}"),
						element(15, "link", "{\"rel\":\"preload\",\"as\":\"style\",\"href\":\"/late.css\"}"),
						element(16, "link", "{\"rel\":\"preload\",\"as\":\"script\",\"href\":\"/app.js\"}"),
						element(17, "link", "{\"rel\":\"canonical\",\"href\":\"/catalog\"}"),
						element(18, "a", "{\"href\":\"/next.png\"}")));
		assertThat(references).containsExactlyInAnyOrder(
				new AssetReference("https://shop.example/site.css", AssetKind.STYLESHEET),
				image("https://shop.example/favicon.ico"), image("https://shop.example/touch.png"),
				new AssetReference("https://shop.example/f.woff2", AssetKind.FONT),
				image("https://shop.example/hero.avif"),
				new AssetReference("https://shop.example/late.css", AssetKind.STYLESHEET));
	}

	@Test
	void findsSvgImagesAndExternalSprites() {
		Set<AssetReference> references = scan(META,
				snapshot(element(10, "svg", "{}", element(11, "image", "{\"href\":\"/chart.png\"}"),
						element(12, "image", "{\"xlink:href\":\"https://cdn.example/map.svg\"}"),
						element(13, "use", "{\"xlink:href\":\"/sprite.svg#cart\"}"),
						element(14, "use", "{\"href\":\"#local\"}"))));
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/chart.png"),
				image("https://cdn.example/map.svg"), image("https://shop.example/sprite.svg"));
	}

	@Test
	void findsUrlsInStyleAndBackgroundAttributes() {
		Set<AssetReference> references = scan(META,
				snapshot(element(10, "div", """
						{"style":"background: url('bg.png') no-repeat; mask-image: url(\\"/mask.svg\\")"}"""),
						element(11, "table", "{\"background\":\"/table.gif\"}"),
						element(12, "p", "{\"background\":\"/ignored.gif\"}")));
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/catalog/bg.png"),
				image("https://shop.example/mask.svg"), image("https://shop.example/table.gif"));
	}

	@Test
	void resolvesInlinedStyleSheetsAgainstTheirOwnUrl() {
		String css = "@font-face { font-family: Brand; src: url(../fonts/brand.woff2) format('woff2'); }"
				+ " .hero { background-image: url(hero.jpg); }";
		Set<AssetReference> references = scan(META, snapshot(element(10, "link", """
				{"rel":"stylesheet","href":"/static/css/site.css","_cssText":"%s"}""".formatted(css))));
		assertThat(references).containsExactlyInAnyOrder(
				new AssetReference("https://shop.example/static/css/site.css", AssetKind.STYLESHEET),
				new AssetReference("https://shop.example/static/fonts/brand.woff2", AssetKind.FONT),
				image("https://shop.example/static/css/hero.jpg"));
	}

	@Test
	void readsStyleElementTextAsCss() {
		Set<AssetReference> references = scan(META, snapshot(element(10, "style", "{}", """
				{"type":3,"id":11,"isStyle":true,"textContent":"@import \\"print.css\\" print; @import url(/base.css);\
				 @media (min-width: 1px) { @font-face { src: url(/a.woff) } body { background: url(/b.png) } }"}""")));
		assertThat(references).containsExactlyInAnyOrder(
				new AssetReference("https://shop.example/catalog/print.css", AssetKind.STYLESHEET),
				new AssetReference("https://shop.example/base.css", AssetKind.STYLESHEET),
				new AssetReference("https://shop.example/a.woff", AssetKind.FONT), image("https://shop.example/b.png"));
	}

	@Test
	void findsImageSetCandidates() {
		Set<AssetReference> references = scan(META, snapshot(element(10, "div", """
				{"style":"background-image: -webkit-image-set('/one.png' 1x, url(/two.png) 2x, \
				'/three.avif' type('image/avif'))"}""")));
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/one.png"),
				image("https://shop.example/two.png"), image("https://shop.example/three.avif"));
	}

	@Test
	void ignoresTextThatIsNotCss() {
		Set<AssetReference> references = scan(META, snapshot(element(10, "p", "{}", """
				{"type":3,"id":11,"textContent":"Write url(/not-an-asset.png) in your CSS"}""")));
		assertThat(references).isEmpty();
	}

	@Test
	void descendsIntoShadowRootsAndIframeDocuments() {
		Set<AssetReference> references = scan(META, snapshot(element(10, "my-card", "{}", """
				{"type":2,"id":11,"tagName":"img","isShadow":true,"attributes":{"src":"/shadow.png"},\
				"childNodes":[]}"""), element(12, "iframe", "{\"src\":\"/frame.html\"}", """
				{"type":0,"id":13,"childNodes":[%s]}""".formatted(element(14, "img", "{\"src\":\"/framed.png\"}")))));
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/shadow.png"),
				image("https://shop.example/framed.png"));
	}

	@Test
	void keepsOnlyHttpUrlsWithoutFragment() {
		Set<AssetReference> references = scan(META,
				snapshot(element(10, "img", "{\"src\":\"data:image/png;base64,AAAA\"}"),
						element(11, "img", "{\"src\":\"blob:https://shop.example/1234\"}"),
						element(12, "img", "{\"src\":\"javascript:void(0)\"}"),
						element(13, "img", "{\"src\":\"about:blank\"}"), element(14, "img", "{\"src\":\"#top\"}"),
						element(15, "img", "{\"src\":\"ftp://files.example/a.png\"}"),
						element(16, "img", "{\"src\":\"//cdn.example/logo.png#v2\"}"),
						element(17, "img", "{\"src\":\" /spaced name.png \"}")));
		assertThat(references).containsExactlyInAnyOrder(image("https://cdn.example/logo.png"),
				image("https://shop.example/spaced%20name.png"));
	}

	@Test
	void keepsAbsoluteUrlsAsWrittenAndDropsRelativeOnesWithoutPage() {
		Set<AssetReference> references = scan(snapshot(element(10, "img", "{\"src\":\"relative.png\"}"),
				element(11, "img", "{\"src\":\"https://cdn.example/a/../b.png?x=1&y\"}")));
		assertThat(references).containsExactly(image("https://cdn.example/a/../b.png?x=1&y"));
	}

	@Test
	void resolvesAgainstTheLatestPage() {
		String next = "{\"type\":4,\"data\":{\"href\":\"https://other.example\"},\"timestamp\":5}";
		Set<AssetReference> references = scan(META, snapshot(element(10, "img", "{\"src\":\"a.png\"}")), next,
				snapshot(element(10, "img", "{\"src\":\"a.png\"}")));
		assertThat(references).containsExactly(image("https://shop.example/catalog/a.png"),
				image("https://other.example/a.png"));
	}

	@Test
	void ignoresTooLongUrlsAndStopsAtTheReferenceLimit() {
		AssetScanner scanner = new AssetScanner();
		scanner.scan(bytes(META));
		String longUrl = "/" + "a".repeat(AssetScanner.MAX_URL_LENGTH);
		StringBuilder images = new StringBuilder(element(1, "img", "{\"src\":\"" + longUrl + "\"}"));
		for (int i = 0; i <= AssetScanner.MAX_REFERENCES; i++) {
			images.append(',').append(element(10 + i, "img", "{\"src\":\"/" + i + ".png\"}"));
		}
		scanner.scan(bytes(snapshot(images.toString())));
		assertThat(scanner.references()).hasSize(AssetScanner.MAX_REFERENCES)
			.allSatisfy((reference) -> assertThat(reference.url()).hasSizeLessThan(100))
			.doesNotContain(image("https://shop.example/" + AssetScanner.MAX_REFERENCES + ".png"));
		assertThat(scanner.limitReached()).isTrue();
	}

	@Test
	void followsMutations() {
		String snapshot = snapshot(element(10, "img", "{\"src\":\"/old.png\"}"),
				element(20, "style", "{}", "{\"type\":3,\"id\":21,\"textContent\":\"a { color: red }\"}"),
				element(30, "p", "{}", "{\"type\":3,\"id\":31,\"textContent\":\"hello\"}"),
				element(40, "link", "{\"id\":\"theme\",\"_cssText\":\".a { color: red }\"}"));
		String mutation = """
				{"type":3,"data":{"source":0,"texts":[{"id":21,"value":"b { background: url(/text.png) }"},
				{"id":31,"value":"url(/plain.png)"}],"attributes":[{"id":10,"attributes":{"src":"/new.png"}},
				{"id":30,"attributes":{"style":{"background-image":["url(/important.png)","important"],
				"border-image-source":"url(/border.png)","color":false}}},
				{"id":40,"attributes":{"href":"/theme-dark.css"}}],"removes":[],
				"adds":[{"parentId":20,"nextId":null,"node":{"type":3,"id":22,"textContent":"i { background: url(/added.png) }"}},
				{"parentId":30,"nextId":null,"node":{"type":2,"id":32,"tagName":"img","attributes":{"src":"/added-img.png"},
				"childNodes":[]}}]},"timestamp":3}""";
		Set<AssetReference> references = scan(META, snapshot, mutation);
		assertThat(references).containsExactlyInAnyOrder(image("https://shop.example/old.png"),
				image("https://shop.example/new.png"), image("https://shop.example/text.png"),
				image("https://shop.example/important.png"), image("https://shop.example/border.png"),
				new AssetReference("https://shop.example/theme-dark.css", AssetKind.STYLESHEET),
				image("https://shop.example/added.png"), image("https://shop.example/added-img.png"));
	}

	@Test
	void followsElementsRetypedByMutations() {
		String snapshot = snapshot(element(10, "input", "{\"type\":\"text\"}"),
				element(11, "link", "{\"rel\":\"preload\",\"as\":\"script\",\"href\":\"/app.js\"}"));
		String mutation = """
				{"type":3,"data":{"source":0,"texts":[],"removes":[],"adds":[],"attributes":[
				{"id":10,"attributes":{"type":"image","src":"/button.png"}},
				{"id":11,"attributes":{"as":"font","href":"/late.woff2"}}]},"timestamp":3}""";
		assertThat(scan(META, snapshot, mutation)).containsExactlyInAnyOrder(image("https://shop.example/button.png"),
				new AssetReference("https://shop.example/late.woff2", AssetKind.FONT));
	}

	@Test
	void findsUrlsInCssomChanges() {
		String rules = """
				{"type":3,"data":{"source":8,"id":20,"adds":[{"rule":"@font-face { src: url(/rule.woff) }","index":0}],
				"replaceSync":".x { background: url(/sync.png) }"},"timestamp":3}""";
		String replace = """
				{"type":3,"data":{"source":8,"styleId":2,"replace":"@import '/replaced.css';"},"timestamp":4}""";
		String declaration = """
				{"type":3,"data":{"source":13,"id":20,"index":[0],"set":{"property":"background",
				"value":"url(/declared.png)","priority":""}},"timestamp":5}""";
		String adopted = """
				{"type":3,"data":{"source":15,"id":1,"styleIds":[1],"styles":[{"styleId":1,
				"rules":[{"rule":".y { cursor: url(/cursor.cur), auto }"}]}]},"timestamp":6}""";
		assertThat(scan(META, rules, replace, declaration, adopted)).containsExactlyInAnyOrder(
				new AssetReference("https://shop.example/rule.woff", AssetKind.FONT),
				image("https://shop.example/sync.png"),
				new AssetReference("https://shop.example/replaced.css", AssetKind.STYLESHEET),
				image("https://shop.example/declared.png"), image("https://shop.example/cursor.cur"));
	}

	@Test
	void findsFontsLoadedByScript() {
		String font = """
				{"type":3,"data":{"source":10,"family":"Brand","fontSource":"url(\\"/fonts/brand.woff2\\") format('woff2')",
				"buffer":false},"timestamp":3}""";
		String buffer = """
				{"type":3,"data":{"source":10,"family":"Inline","fontSource":"[0,1,0,0]","buffer":true},"timestamp":4}""";
		assertThat(scan(META, font, buffer))
			.containsExactly(new AssetReference("https://shop.example/fonts/brand.woff2", AssetKind.FONT));
	}

	@Test
	void scansFetchedStyleSheetsAgainstTheirOwnUrl() {
		AssetScanner scanner = new AssetScanner();
		scanner.scan(bytes(META));
		scanner.scanStylesheet(
				"@import 'more.css'; @font-face { src: url(../f/x.woff2) } a { background: url(/i.png) }",
				URI.create("https://cdn.example/css/site.css"));
		assertThat(scanner.references()).containsExactly(
				new AssetReference("https://cdn.example/css/more.css", AssetKind.STYLESHEET),
				new AssetReference("https://cdn.example/f/x.woff2", AssetKind.FONT),
				image("https://cdn.example/i.png"));
	}

	@Test
	void ignoresEventsThatAreNotJsonObjects() {
		AssetScanner scanner = new AssetScanner();
		scanner.scan(bytes("{\"type\":2,\"data\":{\"node\":"));
		scanner.scan(bytes("[1,2]"));
		scanner.scan(new byte[0]);
		scanner.scan(bytes(META));
		scanner.scan(bytes(snapshot(element(10, "img", "{\"src\":\"a.png\"}"))));
		assertThat(scanner.references()).containsExactly(image("https://shop.example/catalog/a.png"));
	}

	private static Set<AssetReference> scan(String... events) {
		AssetScanner scanner = new AssetScanner();
		for (String event : events) {
			scanner.scan(bytes(event));
		}
		return scanner.references();
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static AssetReference image(String url) {
		return new AssetReference(url, AssetKind.IMAGE);
	}

	static String snapshot(String... bodyChildren) {
		return """
				{"type":2,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"tagName":"html","id":2,
				"attributes":{},"childNodes":[%s]}]},"initialOffset":{"left":0,"top":0}},"timestamp":2}"""
			.formatted(element(3, "body", "{}", bodyChildren));
	}

	static String element(int id, String tag, String attributes, String... children) {
		return "{\"type\":2,\"id\":%d,\"tagName\":\"%s\",\"attributes\":%s,\"childNodes\":[%s]}".formatted(id, tag,
				attributes, String.join(",", children));
	}

}
