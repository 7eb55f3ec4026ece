package dev.replay.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@Import(TestcontainersConfiguration.class)
class MigrationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesEmptyDatabaseAndValidatesEntities() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public' order by 1")
			.query(String.class)
			.list();
		assertThat(tables).contains("application", "client_token", "client_token_application", "app_user",
				"replay_session", "session_view", "segment");
	}

	@Test
	void storesSegmentBodiesWithoutSecondCompression() {
		String storage = this.jdbc
			.sql("select attstorage::text from pg_attribute where attrelid = 'segment'::regclass and attname = 'body'")
			.query(String.class)
			.single();
		assertThat(storage).isEqualTo("e");
	}

}
