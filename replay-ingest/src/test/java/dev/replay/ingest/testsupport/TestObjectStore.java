package dev.replay.ingest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real S3-compatible server for the tests: S3Proxy over a temporary directory, started
 * once per JVM as a process of its own (the jar the build copies to
 * {@code target/s3proxy}, named by the {@code replay.s3proxy.jar} system property) and
 * stopped when the JVM exits. It can be stopped and started again on the same port and
 * directory to cut the object store off.
 */
public final class TestObjectStore {

	private static final String IDENTITY = "replay-test";

	private static final String CREDENTIAL = "replay-test-secret";

	private static TestObjectStore instance;

	private final int port;

	private final Path directory;

	private final Path configuration;

	private Process process;

	private TestObjectStore(int port, Path directory, Path configuration) {
		this.port = port;
		this.directory = directory;
		this.configuration = configuration;
	}

	/**
	 * The server of this JVM, started on first use.
	 * @return the running server
	 */
	public static synchronized TestObjectStore get() {
		if (instance == null) {
			try {
				int port;
				try (ServerSocket socket = new ServerSocket(0)) {
					port = socket.getLocalPort();
				}
				Path directory = Files.createTempDirectory("replay-s3proxy");
				Path configuration = directory.resolveSibling(directory.getFileName() + ".properties");
				Files.writeString(configuration,
						String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
								"s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + IDENTITY,
								"s3proxy.credential=" + CREDENTIAL, "jclouds.provider=filesystem-nio2",
								"jclouds.filesystem.basedir=" + directory, ""));
				instance = new TestObjectStore(port, directory, configuration);
				instance.start();
				Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	/**
	 * The properties that point the application at a bucket of this server.
	 * @param bucket the bucket, created by the application
	 * @return {@code name=value} properties
	 */
	public String[] properties(String bucket) {
		return new String[] { "replay.storage.kind=s3", "replay.storage.s3.endpoint=" + endpoint(),
				"replay.storage.s3.bucket=" + bucket, "replay.storage.s3.access-key=" + IDENTITY,
				"replay.storage.s3.secret-key=" + CREDENTIAL, "replay.storage.s3.region=us-east-1",
				"replay.storage.s3.path-style=true", "replay.storage.s3.timeout=2s" };
	}

	/**
	 * The server's URL.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * A client of this server, for looking at what the application stored.
	 * @return a client; the caller closes it
	 */
	public S3Client client() {
		return client(endpoint(), IDENTITY, CREDENTIAL);
	}

	/**
	 * A path-style client of an S3-compatible server, as tests and the load generator's
	 * verification read what the application stored.
	 * @param endpoint the server
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @return a client; the caller closes it
	 */
	public static S3Client client(URI endpoint, String accessKey, String secretKey) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	/**
	 * Point the application of a test class at a bucket of this server.
	 * @param registry the test's dynamic properties
	 * @param bucket the bucket, created by the application
	 */
	public void register(DynamicPropertyRegistry registry, String bucket) {
		for (String property : properties(bucket)) {
			String[] pair = property.split("=", 2);
			registry.add(pair[0], () -> pair[1]);
		}
	}

	/**
	 * The objects of a bucket.
	 * @param bucket the bucket
	 * @return its objects
	 */
	public List<S3Object> objects(String bucket) {
		try (S3Client client = client()) {
			return client.listObjectsV2Paginator((list) -> list.bucket(bucket)).contents().stream().toList();
		}
	}

	/**
	 * Start the server, or start it again after {@link #stop()}, and wait until it takes
	 * connections.
	 */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		String jar = System.getProperty("replay.s3proxy.jar", "target/s3proxy/s3proxy.jar");
		if (!Files.isRegularFile(Paths.get(jar))) {
			throw new IllegalStateException(
					"S3Proxy is not at " + jar + ": run the tests through Maven, which copies it");
		}
		try {
			this.process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-jar", jar, "--properties", this.configuration.toString())
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolveSibling(this.directory.getFileName() + ".log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				if (socket.isConnected()) {
					return;
				}
			}
			catch (IOException ex) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("S3Proxy exited with " + this.process.exitValue());
				}
				sleep();
			}
		}
		throw new IllegalStateException("S3Proxy did not start within 60 s");
	}

	/**
	 * Stop the server; what it stored stays in its directory.
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
