package dev.replay.api.audit;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayFixtures;
import dev.replay.TestSessions;
import dev.replay.ingest.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application connects as a login role of its own, not the owner that ran the
 * migrations: on a database of its own, migrated by the test's superuser, with a fresh
 * role that is not a superuser. Its connection works normally but cannot change or
 * silence the audit trail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD,
				"replay.timeline.quiet-period=1s", "replay.timeline.delay=300ms", "replay.retention.enabled=false",
				// the corpus recordings were made on fixed dates
				"replay.ingest.max-event-age=36500d" })
@DirtiesContext
@ExtendWith(ReplayFixtures.class)
class DatabaseRolesIntegrationTests {

	private static final String SUFFIX = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private static final String APP_ROLE = "replay_app_" + SUFFIX;

	private static final String DATABASE = "replay_roles_" + SUFFIX;

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	@DynamicPropertySource
	static void twoRoles(DynamicPropertyRegistry registry) {
		TestDatabase server = TestDatabase.get();
		execute(server, "create role " + APP_ROLE + " login nosuperuser password 'app-role-password'");
		execute(server, "create database " + DATABASE);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			execute(server, "drop database if exists " + DATABASE + " with (force)");
			execute(server, "drop role if exists " + APP_ROLE);
		}));
		String url = server.url().replace("/" + databaseOf(server.url()), "/" + DATABASE);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> APP_ROLE);
		registry.add("spring.datasource.password", () -> "app-role-password");
		registry.add("spring.flyway.user", server::username);
		registry.add("spring.flyway.password", server::password);
	}

	@Test
	void migratesAsOwnerAndConnectsAsApplicationRole() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo(APP_ROLE);
		assertThat(this.jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select tableowner from pg_tables where tablename = 'audit_event'")
			.query(String.class)
			.single()).isEqualTo(TestDatabase.get().username());
		assertThatException()
			.isThrownBy(() -> this.jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single())
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

	@Test
	void applicationRoleWorksNormally(TestSessions sessions) throws Exception {
		String sessionId = sessions.record();
		HttpResponse<String> events = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		assertThat(events.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'session.played' and target_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single()).isEqualTo(1);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).statusCode()).isEqualTo(200);
	}

	@Test
	void applicationRoleCannotChangeTheAuditTrail() {
		this.client.createApplication("audited " + SUFFIX);
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isPositive();
		assertRefused("update audit_event set actor = 'someone else'", "permission denied");
		assertRefused("delete from audit_event", "permission denied");
		assertRefused("truncate audit_event", "permission denied");
		assertRefused("alter table audit_event disable trigger audit_event_no_update_or_delete", "must be owner");
		assertRefused("alter table audit_event disable trigger all", "must be owner");
		assertRefused("set session_replication_role = replica", "permission denied");
		assertRefused("drop trigger audit_event_no_update_or_delete on audit_event", "must be owner");
		assertRefused("create or replace function audit_event_refuse_change() returns trigger language plpgsql "
				+ "as $$ begin return null; end $$", "(must be owner|permission denied for schema)");
	}

	private void assertRefused(String sql, String message) {
		assertThatException().as(sql)
			.isThrownBy(() -> this.jdbc.sql(sql).update())
			.havingRootCause()
			.withMessageMatching("(?s).*" + message + ".*");
	}

	private static String databaseOf(String url) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return (query >= 0) ? url.substring(slash + 1, query) : url.substring(slash + 1);
	}

	private static void execute(TestDatabase server, String sql) {
		try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
