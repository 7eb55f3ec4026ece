package dev.replay.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording side reads and writes only its own tables (ADR 0019): no string literal
 * of its code, and nothing in its resources but the migrations (the one history of the
 * whole schema, ADR 0002), names a table of the application. Each table is listed here on
 * the side that owns it, and the lists must hold every table the migrations make.
 */
@SpringBootTest
@Import(TestcontainersConfiguration.class)
class TableBoundaryIntegrationTests {

	static final Set<String> RECORDING_TABLES = Set.of("application", "application_page_origin", "asset_content",
			"asset_reference", "asset_url", "client_token", "client_token_application", "erasure", "image_release",
			"intake_request", "keyframe", "redaction_rule", "replay_resource", "replay_session", "rum_batch",
			"rum_batch_session", "rum_event", "rum_session", "segment", "session_asset", "session_hold",
			"session_image", "session_search", "session_tombstone", "session_view", "stored_object");

	static final Set<String> APPLICATION_TABLES = Set.of("api_token", "app_user", "application_grant", "audit_event",
			"playlist", "playlist_item", "share_link", "watch_entry");

	private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsEveryTableOfTheSchemaOnTheSideThatOwnsIt() {
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_name <> 'flyway_schema_history'""")
			.query(String.class)
			.list();
		assertThat(RECORDING_TABLES).doesNotContainAnyElementsOf(APPLICATION_TABLES);
		Set<String> listed = new TreeSet<>(RECORDING_TABLES);
		listed.addAll(APPLICATION_TABLES);
		assertThat(new TreeSet<>(tables)).isEqualTo(listed);
	}

	@Test
	void namesNoTableOfTheApplicationInTheCodeOrResourcesOfTheRecordingSide() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			sources.filter((path) -> path.toString().endsWith(".java"))
				.forEach((path) -> JavaStrings.of(read(path))
					.forEach((literal) -> applicationTables(literal)
						.forEach((table) -> found.add(path + ": " + table + " in \"" + literal + "\""))));
		}
		Path migrations = Path.of("src/main/resources/db/migration");
		try (Stream<Path> resources = Files.walk(Path.of("src/main/resources"))) {
			resources.filter(Files::isRegularFile)
				.filter((path) -> !path.startsWith(migrations))
				.forEach((path) -> applicationTables(read(path)).forEach((table) -> found.add(path + ": " + table)));
		}
		assertThat(found).isEmpty();
	}

	@Test
	void findsTheTablesOfTheApplicationInStringLiteralsOnly() {
		String source = """
				// reads watch_entry
				/* and playlist_item */
				class Reader {
					String sql = "select 1 from watch_entry w where w.session_id = ?";
					String text = \"\"\"
							join app_user u on u.id = w.user_id\"\"\";
					char quote = '"';
					String plain = "a playlist of \\"audit_event\\" rows";
				}
				""";
		List<String> tables = JavaStrings.of(source)
			.stream()
			.flatMap((literal) -> applicationTables(literal).stream())
			.toList();
		assertThat(tables).containsExactly("watch_entry", "app_user", "playlist", "audit_event");
	}

	private static List<String> applicationTables(String text) {
		List<String> tables = new ArrayList<>();
		Matcher words = WORD.matcher(text);
		while (words.find()) {
			if (APPLICATION_TABLES.contains(words.group().toLowerCase())) {
				tables.add(words.group());
			}
		}
		return tables;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The string literals and text blocks of a Java source, without its comments.
	 */
	static final class JavaStrings {

		private JavaStrings() {
		}

		static List<String> of(String source) {
			List<String> literals = new ArrayList<>();
			int i = 0;
			while (i < source.length()) {
				if (source.startsWith("//", i)) {
					i = end(source, source.indexOf('\n', i));
				}
				else if (source.startsWith("/*", i)) {
					i = end(source, source.indexOf("*/", i + 2)) + 2;
				}
				else if (source.startsWith("\"\"\"", i)) {
					int close = closing(source, i + 3, "\"\"\"");
					literals.add(source.substring(i + 3, close));
					i = close + 3;
				}
				else if (source.charAt(i) == '"') {
					int close = closing(source, i + 1, "\"");
					literals.add(source.substring(i + 1, close));
					i = close + 1;
				}
				else if (source.charAt(i) == '\'') {
					i = closing(source, i + 1, "'") + 1;
				}
				else {
					i++;
				}
			}
			return literals;
		}

		// the next unescaped delimiter
		private static int closing(String source, int from, String delimiter) {
			int i = from;
			while (!source.startsWith(delimiter, i)) {
				i += (source.charAt(i) == '\\') ? 2 : 1;
			}
			return i;
		}

		private static int end(String source, int index) {
			return (index < 0) ? source.length() : index;
		}

	}

}
