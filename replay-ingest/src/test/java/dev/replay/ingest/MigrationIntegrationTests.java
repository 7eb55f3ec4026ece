package dev.replay.ingest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
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

	@Autowired
	DataSource dataSource;

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
	void turnsEveryPlaylistItemIntoAHoldOfItsSession() {
		this.jdbc.sql("create schema playlist_holds").update();
		try {
			migrate("playlist_holds", "48");
			UUID application = UUID.randomUUID();
			this.jdbc.sql("insert into playlist_holds.application (id, name) values (?, 'held')")
				.param(application)
				.update();
			for (String session : List.of("s-1", "s-2", "s-3")) {
				this.jdbc.sql("""
						insert into playlist_holds.replay_session (id, application_id, source, started_at, ended_at)
						values (?, ?, 'browser', now(), now())""").params(session, application).update();
			}
			long first = playlist("first");
			long second = playlist("second");
			item(first, "s-1", "2026-01-02T03:04:05Z");
			item(first, "s-2", "2026-01-03T00:00:00Z");
			item(second, "s-2", "2026-01-04T00:00:00Z");

			migrate("playlist_holds", "49");

			assertThat(this.jdbc
				.sql("""
						select session_id || ' ' || holder || ' ' || to_char(held_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')
						from playlist_holds.session_hold order by 1""")
				.query(String.class)
				.list()).containsExactly("s-1 playlist:" + first + " 2026-01-02 03:04:05",
						"s-2 playlist:" + first + " 2026-01-03 00:00:00",
						"s-2 playlist:" + second + " 2026-01-04 00:00:00");
		}
		finally {
			this.jdbc.sql("drop schema playlist_holds cascade").update();
		}
	}

	@Test
	void storesSegmentBodiesWithoutSecondCompression() {
		String storage = this.jdbc
			.sql("select attstorage::text from pg_attribute where attrelid = 'segment'::regclass and attname = 'body'")
			.query(String.class)
			.single();
		assertThat(storage).isEqualTo("e");
	}

	private void migrate(String schema, String version) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schema)
			.placeholders(Map.of("appRole", ""))
			.target(version)
			.load()
			.migrate();
	}

	private long playlist(String name) {
		return this.jdbc
			.sql("insert into playlist_holds.playlist (name, owner_username) values (?, 'editor') returning id")
			.param(name)
			.query(Long.class)
			.single();
	}

	private void item(long playlist, String session, String addedAt) {
		this.jdbc.sql("""
				insert into playlist_holds.playlist_item (playlist_id, session_id, added_by, added_at)
				values (?, ?, 'editor', cast(? as timestamptz))""").params(playlist, session, addedAt).update();
	}

}
