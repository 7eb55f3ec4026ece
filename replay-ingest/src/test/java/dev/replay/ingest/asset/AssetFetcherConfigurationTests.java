package dev.replay.ingest.asset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetcher as a bean, made from {@code replay.assets}.
 */
class AssetFetcherConfigurationTests {

	@Test
	void makesTheFetcherFromItsProperties() {
		new ApplicationContextRunner().withUserConfiguration(Fetching.class)
			.withPropertyValues("replay.assets.allowed-private-origins=http://127.0.0.1:8080",
					"replay.assets.max-bytes=1MB")
			.run((context) -> {
				assertThat(context).hasSingleBean(AssetFetcher.class);
				AssetFetchProperties properties = context.getBean(AssetFetchProperties.class);
				assertThat(properties.allowedPrivateOrigins()).containsExactly(AssetOrigin.of("http://127.0.0.1:8080"));
				assertThat(properties.maxBytes().toMegabytes()).isOne();
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AssetFetchProperties.class)
	@Import(AssetFetcher.class)
	static class Fetching {

	}

}
