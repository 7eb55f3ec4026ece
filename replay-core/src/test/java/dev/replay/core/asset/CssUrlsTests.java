package dev.replay.core.asset;

import java.util.List;

import dev.replay.core.asset.CssUrls.CssUrl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CssUrlsTests {

	@Test
	void givesTheSpanOfEachUrlInsideItsQuotes() {
		String css = "a{background:url( 'x.png' )} b{background:URL(y.png)}";
		List<CssUrl> urls = CssUrls.find(css);
		assertThat(urls).extracting(CssUrl::value).containsExactly("x.png", "y.png");
		assertThat(urls).extracting((url) -> css.substring(url.start(), url.end())).containsExactly("x.png", "y.png");
		assertThat(urls).extracting(CssUrl::quote).containsExactly('\'', (char) 0);
	}

	@Test
	void resolvesCssEscapes() {
		List<CssUrl> urls = CssUrls.find("a{background:url(a\\)b.png)} b{background:url(\"\\2f c.png\")}");
		assertThat(urls).extracting(CssUrl::value).containsExactly("a)b.png", "/c.png");
	}

	@Test
	void skipsCommentsAndStringsThatAreNotUrls() {
		String css = "/* url(a.png) @import 'b.css'; */ a::before { content: 'url(c.png)' } "
				+ "@font-face { src: local('Font'), url(d.woff) format('woff') }";
		assertThat(CssUrls.find(css)).extracting(CssUrl::value, CssUrl::kind)
			.containsExactly(tuple("d.woff", AssetKind.FONT));
	}

	@Test
	void knowsImportsAfterOtherAtRules() {
		String css = "@charset \"utf-8\"; @IMPORT 'a.css' layer(base); @font-face{src:url(f.woff)} b{background:url(i.png)}";
		assertThat(CssUrls.find(css)).extracting(CssUrl::value, CssUrl::kind)
			.containsExactly(tuple("a.css", AssetKind.STYLESHEET), tuple("f.woff", AssetKind.FONT),
					tuple("i.png", AssetKind.IMAGE));
	}

	@Test
	void toleratesUnterminatedText() {
		assertThat(CssUrls.find("a{background:url(\"x.png")).extracting(CssUrl::value).containsExactly("x.png");
		assertThat(CssUrls.find("a{background:url(")).isEmpty();
		assertThat(CssUrls.find("@import")).isEmpty();
	}

}
