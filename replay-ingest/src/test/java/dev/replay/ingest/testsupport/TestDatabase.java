package dev.replay.ingest.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * The PostgreSQL database of one test run, chosen in this order: the JDBC URL in
 * {@code REPLAY_TEST_DB_URL} (with {@code REPLAY_TEST_DB_USER} and
 * {@code REPLAY_TEST_DB_PASSWORD}); else a Testcontainers PostgreSQL when a Docker engine
 * answers; else {@code localhost:5432} as user {@code postgres}. A fresh database is
 * created for the run and dropped when the JVM exits, after the application contexts that
 * use it have closed.
 */
public final class TestDatabase {

	/** The image that {@code docker-compose.yml} runs too. */
	public static final String IMAGE = "postgres:17.6-alpine";

	// the shortest idle time HikariCP allows before closing a connection
	private static final long IDLE_TIMEOUT_MS = 10_000;

	private static TestDatabase instance;

	private static TestDatabase objectStore;

	private final String url;

	private final String username;

	private final String password;

	private TestDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	/**
	 * The database of this run, created on first use.
	 * @return never {@code null}
	 */
	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = create();
		}
		return instance;
	}

	/**
	 * A pooled data source on this run's database, for each module's test configuration.
	 * @return a new data source
	 */
	public static DataSource dataSource() {
		return get().pooledDataSource();
	}

	/**
	 * This run's database for application instances that keep their bytes in the object
	 * store ({@code replay.storage.kind=s3}), apart from the one the others share: one
	 * database holds one storage kind.
	 * @return the database, created on first use
	 */
	public static synchronized TestDatabase forObjectStore() {
		if (objectStore == null) {
			objectStore = create();
		}
		return objectStore;
	}

	/**
	 * A pooled data source on this database. Spring keeps the contexts of a test run open
	 * for the classes that share them, each with its pool: a pool opens connections only
	 * as they are needed and closes those left idle, so that the contexts waiting for
	 * their next class do not hold the server's connections.
	 * @return a new data source
	 */
	public DataSource pooledDataSource() {
		HikariDataSource pool = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(this.url)
			.username(this.username)
			.password(this.password)
			.build();
		pool.setMinimumIdle(0);
		pool.setIdleTimeout(IDLE_TIMEOUT_MS);
		return pool;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/**
	 * Another fresh database on the same server, dropped like this run's, for application
	 * instances that must not share this run's database (say, with another storage kind).
	 * @return the new database
	 */
	public static synchronized TestDatabase another() {
		return create();
	}

	private static TestDatabase create() {
		Server server = chooseServer();
		String name = "replay_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		execute(server, "create database " + name);
		// after the application contexts have closed: a JVM shutdown hook of its own
		// would
		// race them, and whatever of theirs still reaches for the database as they close
		// (a scheduled job, a last audit row) would wait out its connection timeout
		SpringApplication.getShutdownHandlers()
			.add(() -> execute(server, "drop database if exists " + name + " with (force)"));
		return new TestDatabase(server.urlOf(name), server.username(), server.password());
	}

	private static Server chooseServer() {
		String url = System.getenv("REPLAY_TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return new Server(url, envOr("REPLAY_TEST_DB_USER", "postgres"), envOr("REPLAY_TEST_DB_PASSWORD", ""));
		}
		if (dockerAnswers()) {
			PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
			container.start();
			return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		return new Server("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	private static void execute(Server server, String sql) {
		try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Integration tests need PostgreSQL and could not use " + server.url() + " ("
					+ ex.getMessage() + "). Set REPLAY_TEST_DB_URL (and REPLAY_TEST_DB_USER, "
					+ "REPLAY_TEST_DB_PASSWORD) to a server where the user may create databases, start a Docker "
					+ "engine for Testcontainers, or run PostgreSQL on localhost:5432 with user postgres.", ex);
		}
	}

	private record Server(String url, String username, String password) {

		String urlOf(String database) {
			int slash = this.url.indexOf('/', "jdbc:postgresql://".length());
			if (!this.url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql://") || slash < 0) {
				throw new IllegalStateException("REPLAY_TEST_DB_URL must look like jdbc:postgresql://host:port/db");
			}
			int query = this.url.indexOf('?', slash);
			String rest = (query >= 0) ? this.url.substring(query) : "";
			return this.url.substring(0, slash + 1) + database + rest;
		}

	}

}
