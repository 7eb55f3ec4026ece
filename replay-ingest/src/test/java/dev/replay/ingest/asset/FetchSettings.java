package dev.replay.ingest.asset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * {@link AssetFetchProperties} for tests: the defaults, with what a test changes.
 */
final class FetchSettings {

	List<AssetOrigin> allowedPrivateOrigins = new ArrayList<>();

	DataSize maxBytes = DataSize.ofMegabytes(10);

	Duration connectTimeout = Duration.ofSeconds(5);

	Duration readTimeout = Duration.ofSeconds(10);

	Duration totalTimeout = Duration.ofSeconds(30);

	int maxRedirects = 3;

	int requestsPerSecondPerOrigin = 1000;

	FetchSettings allowPrivate(AssetOrigin... origins) {
		this.allowedPrivateOrigins.addAll(List.of(origins));
		return this;
	}

	AssetFetchProperties properties() {
		return new AssetFetchProperties(List.copyOf(this.allowedPrivateOrigins), this.maxBytes, this.connectTimeout,
				this.readTimeout, this.totalTimeout, this.maxRedirects, this.requestsPerSecondPerOrigin);
	}

}
