package dev.replay.ingest.database;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells the migrations which role the application connects as. Migrations run as the
 * owner of the schema ({@code spring.flyway.user}, the application's own user when it is
 * not set); the {@code afterMigrate} callback grants the application's role, when it is
 * another one, exactly what it needs (ADR 0014). The role is asked of the application's
 * own connection, so it is right whichever way the connection was configured. Migrations
 * run without PostgreSQL's notices.
 */
@Configuration(proxyBeanMethods = false)
class MigrationRoleConfiguration {

	/**
	 * The placeholder of the callback {@code afterMigrate__grant_application_role.sql}.
	 */
	static final String APP_ROLE_PLACEHOLDER = "appRole";

	@Bean
	FlywayConfigurationCustomizer applicationRolePlaceholder(DataSource dataSource) {
		return (configuration) -> {
			String role = JdbcClient.create(dataSource).sql("select current_user").query(String.class).single();
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			// a role name is quoted as an identifier in the callback; a quote inside it
			// must not end the string literal it is given in
			placeholders.put(APP_ROLE_PLACEHOLDER, role.replace("'", "''"));
			configuration.placeholders(placeholders);
			// PostgreSQL's notices ("already exists, skipping" of an "if not exists" in
			// an old
			// migration) are not warnings, but Flyway would log them as such on every new
			// database
			configuration.initSql("set client_min_messages = warning");
		};
	}

}
