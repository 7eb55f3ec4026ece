package dev.replay.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
	void narrowsEverySegmentRowKeepingWhereItsBytesAre() throws Exception {
		this.jdbc.sql("create schema narrow_segments").update();
		try {
			migrate("narrow_segments", "50");
			UUID application = UUID.randomUUID();
			this.jdbc.sql("insert into narrow_segments.application (id, name) values (?, 'narrowed')")
				.param(application)
				.update();
			for (String session : List.of("s-1", "s-2")) {
				this.jdbc.sql("""
						insert into narrow_segments.replay_session (id, application_id, source, started_at, ended_at)
						values (?, ?, 'browser', now(), now())""").params(session, application).update();
			}
			long object = this.jdbc.sql("""
					insert into narrow_segments.stored_object (key, kind, size) values ('b/1', 'b', 10) returning id""")
				.query(Long.class)
				.single();
			this.jdbc.sql("""
					insert into narrow_segments.segment (session_id, dedup_key, sequence, view_id, format, encoding,
					    first_event_at, last_event_at, event_count, has_full_snapshot, received_bytes, body, object_id,
					    object_offset, object_length, checksum)
					values ('s-1', 'seq:0', 0, null, 'rrweb', 'gzip', to_timestamp(1), to_timestamp(2), 3, true, 3,
					        '\\x010203', null, null, null, null),
					       ('s-1', 'dd:v:1:2:3', null, 'v', 'datadog-browser', 'zlib', to_timestamp(3), to_timestamp(4),
					        1, false, 4, null, ?, 6, 4, 77),
					       ('s-2', 'seq:0', 0, null, 'rrweb', 'identity', to_timestamp(5), to_timestamp(6), 1, false, 2,
					        '\\x0405', null, null, null, null)""").param(object).update();

			migrate("narrow_segments", "51");

			assertThat(this.jdbc.sql("""
					select r.id || ' ' || s.dedup_hash || ' ' || coalesce(s.sequence::text, '-') || ' ' || s.format
					       || ' ' || s.encoding || ' ' || extract(epoch from s.first_event_at) || ' '
					       || coalesce(encode(s.body, 'hex'), '-') || ' ' || coalesce(s.object_id::text, '-') || ' '
					       || coalesce(s.object_offset || '+' || s.object_length || ' ' || s.checksum, '-')
					from narrow_segments.segment s
					join narrow_segments.replay_session r on r.number = s.session_number
					order by r.id, s.first_event_at""").query(String.class).list()).containsExactly(
					"s-1 " + sha256Prefix("seq:0") + " 0 rrweb gzip 1.000000 010203 - -",
					"s-1 " + sha256Prefix("dd:v:1:2:3") + " - datadog-browser zlib 3.000000 - " + object + " 6+4 77",
					"s-2 " + sha256Prefix("seq:0") + " 0 rrweb identity 5.000000 0405 - -");
		}
		finally {
			this.jdbc.sql("drop schema narrow_segments cascade").update();
		}
	}

	// the first 8 bytes of the key's SHA-256 as a signed number: what the application
	// stores for the segments it writes
	private static long sha256Prefix(String key) throws Exception {
		return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
			.getLong();
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
