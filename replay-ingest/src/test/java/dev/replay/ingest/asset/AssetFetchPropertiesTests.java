package dev.replay.ingest.asset;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@code replay.assets} and how allowed private origins are written.
 */
class AssetFetchPropertiesTests {

	@Test
	void defaultsToStrictLimitsAndNoPrivateOrigin() {
		AssetFetchProperties properties = bind(Map.of());
		assertThat(properties.allowedPrivateOrigins()).isEmpty();
		assertThat(properties.maxBytes()).isEqualTo(DataSize.ofMegabytes(10));
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.maxRedirects()).isEqualTo(3);
		assertThat(properties.requestsPerSecondPerOrigin()).isEqualTo(5);
	}

	@Test
	void readsAllowedPrivateOriginsAsNormalisedOrigins() {
		AssetFetchProperties properties = bind(Map.of("replay.assets.allowed-private-origins",
				"http://127.0.0.1:8080, HTTPS://Intranet.Example:443", "replay.assets.max-bytes", "2MB"));
		assertThat(properties.allowedPrivateOrigins()).containsExactly(AssetOrigin.of("http://127.0.0.1:8080"),
				new AssetOrigin("https", "intranet.example", 443));
		assertThat(properties.maxBytes()).isEqualTo(DataSize.ofMegabytes(2));
	}

	private static AssetFetchProperties bind(Map<String, String> values) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(values)), null,
				ApplicationConversionService.getSharedInstance());
		return binder.bindOrCreate("replay.assets", AssetFetchProperties.class);
	}

}
