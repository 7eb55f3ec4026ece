package dev.replay.ingest.database;

import java.util.UUID;

import dev.replay.ingest.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new database is migrated without a warning in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietMigrationIntegrationTests {

	@Test
	void migratesANewDatabaseWithoutWarnings(CapturedOutput output) {
		TestDatabase database = TestDatabase.get();
		JdbcClient admin = JdbcClient.create(TestDatabase.dataSource());
		String name = "replay_quiet_" + UUID.randomUUID().toString().replace("-", "");
		admin.sql("create database " + name).update();
		try {
			var dataSource = DataSourceBuilder.create()
				.url(database.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"))
				.username(database.username())
				.password(database.password())
				.build();
			FluentConfiguration configuration = Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration");
			new MigrationRoleConfiguration().applicationRolePlaceholder(dataSource).customize(configuration);
			int applied = configuration.load().migrate().migrationsExecuted;
			assertThat(applied).isPositive();
		}
		finally {
			admin.sql("drop database " + name + " with (force)").update();
		}
		assertThat(output.getAll()).doesNotContain("already exists, skipping").doesNotContain(" WARN ");
	}

}
