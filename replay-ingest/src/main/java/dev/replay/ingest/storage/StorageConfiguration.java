package dev.replay.ingest.storage;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Chooses the storage of recorded bytes from {@code replay.storage.kind}. For the object
 * store, the settings are checked and the bucket is created if absent before the
 * application takes any request: a setting that is missing or wrong stops the start-up
 * with one message that names it.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

	private static final String PREFIX = "replay.storage.s3.";

	@Bean
	RecordingStorage recordingStorage(StorageProperties properties) {
		if (properties.kind() == StorageKind.POSTGRES) {
			return new RowStorage();
		}
		StorageProperties.S3 s3 = properties.s3();
		String bucket = require("bucket", s3.bucket());
		S3Client client = client(s3);
		ObjectStore store = new ObjectStore(client, bucket);
		try {
			if (store.ensureBucket()) {
				LOG.info("Created the bucket {} for recorded bytes", bucket);
			}
		}
		catch (SdkException ex) {
			client.close();
			throw new InvalidConfigurationPropertyValueException(PREFIX + "bucket", bucket,
					"The bucket could not be found or created at " + where(s3) + ": " + ex.getMessage());
		}
		LOG.info("Recorded bytes are stored in the bucket {} at {}", bucket, where(s3));
		return new ObjectStorage(store, readers(s3.readThreads()));
	}

	private static S3Client client(StorageProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(require("region", s3.region())))
			.credentialsProvider(credentials(s3))
			.forcePathStyle(s3.pathStyle())
			// stores other than AWS do not all take the checksums that the SDK adds by
			// default
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(
					UrlConnectionHttpClient.builder().connectionTimeout(s3.timeout()).socketTimeout(s3.timeout()))
			.overrideConfiguration((config) -> config.apiCallTimeout(s3.timeout()));
		URI endpoint = s3.endpoint();
		if (endpoint != null) {
			if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
					|| !StringUtils.hasText(endpoint.getHost())) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "endpoint", endpoint,
						"The endpoint must be an http or https URL with a host, such as http://localhost:8333");
			}
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(StorageProperties.S3 s3) {
		boolean access = StringUtils.hasText(s3.accessKey());
		boolean secret = StringUtils.hasText(s3.secretKey());
		if (access && secret) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		if (access || secret) {
			String missing = access ? "secret-key" : "access-key";
			throw new InvalidConfigurationPropertyValueException(PREFIX + missing, null,
					"Set both replay.storage.s3.access-key and replay.storage.s3.secret-key, or neither to use "
							+ "the AWS default credentials");
		}
		return DefaultCredentialsProvider.builder().build();
	}

	private static String require(String name, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, value,
					"replay.storage.kind is s3, so " + PREFIX + name + " must be set");
		}
		return value;
	}

	private static String where(StorageProperties.S3 s3) {
		return (s3.endpoint() != null) ? s3.endpoint().toString() : "AWS S3 (" + s3.region() + ")";
	}

	private static ExecutorService readers(int threads) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(Math.max(1, threads), (task) -> {
			Thread thread = new Thread(task, "object-reader-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

}
