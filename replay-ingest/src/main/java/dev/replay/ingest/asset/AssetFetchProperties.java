package dev.replay.ingest.asset;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of captured assets: how they are fetched from the sites that recordings
 * reference.
 *
 * @param allowedPrivateOrigins origins such as {@code http://intranet.example:8080} that
 * may be fetched from although their host resolves to an address that is not public
 * (loopback, private, link-local and the like); empty by default, so that a recording
 * cannot make the server reach its own network
 * @param maxBytes the largest asset fetched, after decoding; a larger one is refused
 * @param connectTimeout how long connecting to a server may take
 * @param readTimeout how long a server may stay silent while answering
 * @param totalTimeout how long fetching one asset may take, redirects included
 * @param maxRedirects the most redirects followed for one asset
 * @param requestsPerSecondPerOrigin the most requests a second sent to one origin by this
 * instance; a fetch beyond it fails at once with when to try again
 */
@ConfigurationProperties("replay.assets")
@Validated
record AssetFetchProperties(@DefaultValue List<AssetOrigin> allowedPrivateOrigins,
		@DefaultValue("10MB") DataSize maxBytes, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("30s") Duration totalTimeout,
		@DefaultValue("3") @PositiveOrZero int maxRedirects,
		@DefaultValue("5") @Positive int requestsPerSecondPerOrigin) {

}
