package dev.replay.ingest.asset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How origins and the URLs they are taken from are normalised before they are compared.
 */
class AssetOriginTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			https://shop.example                | https://shop.example
			HTTPS://Shop.EXAMPLE:443/           | https://shop.example
			http://shop.example:80              | http://shop.example
			https://cdn.shop.example:8443       | https://cdn.shop.example:8443
			http://shop.example:443             | http://shop.example:443
			https://bücher.example              | https://xn--bcher-kva.example
			http://127.0.0.1:8080               | http://127.0.0.1:8080
			http://[::1]:8080                   | http://[0:0:0:0:0:0:0:1]:8080
			http://[0:0::1]:8080                | http://[0:0:0:0:0:0:0:1]:8080
			http://[::ffff:127.0.0.1]:8080      | http://127.0.0.1:8080
			http://0177.0.0.1                   | http://127.0.0.1
			http://2130706433                   | http://127.0.0.1
			http://127.1                        | http://127.0.0.1
			http://0x7f.0.0.0x1.                | http://127.0.0.1
			http://10.0.0.1                     | http://10.0.0.1
			http://1.2.3.example                | http://1.2.3.example
			""")
	void normalisesOrigins(String written, String normalised) {
		assertThat(AssetOrigin.of(written)).hasToString(normalised);
		assertThat(AssetOrigin.of(written)).isEqualTo(AssetOrigin.of(normalised));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example/css", "https://shop.example/?a=1", "https://shop.example/#top",
			"ftp://shop.example", "https://user@shop.example", "shop.example", "https://", "https://sh op.example",
			"https://shop.example:99999", "http://256.0.0.1", "http://1.2.3.4.5", "http://0x1g.0.0.1",
			"http://08.0.0.1" })
	void refusesWhatIsNotAnOrigin(String written) {
		assertThatIllegalArgumentException().isThrownBy(() -> AssetOrigin.of(written)).withMessageContaining(written);
	}

	@Test
	void takesTheOriginOfAUrlAndDropsItsFragment() throws Exception {
		AssetUrl url = AssetUrl.parse("HTTPS://CDN.Shop.Example:443/fonts/A.woff2?v=3#x");
		assertThat(url.origin()).isEqualTo(AssetOrigin.of("https://cdn.shop.example"));
		assertThat(url.uri()).hasToString("https://cdn.shop.example/fonts/A.woff2?v=3");
	}

	@Test
	void resolvesARelativeRedirectAgainstTheUrl() throws Exception {
		AssetUrl url = AssetUrl.parse("https://shop.example/css/site.css");
		assertThat(url.resolve("../img/a.png").uri()).hasToString("https://shop.example/img/a.png");
		assertThat(url.resolve("//cdn.shop.example/b.css").origin())
			.isEqualTo(AssetOrigin.of("https://cdn.shop.example"));
	}

}
