package dev.replay.api.datadog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Datadog's official API client ({@code @datadog/datadog-api-client} from npm, installed
 * by the build under {@code src/test/node}) drives the playlist and viewership endpoints
 * of the running application, authenticated with a Replay API token as its application
 * key (and, for one call, as its API key alone); the script asserts every answer and
 * exits with 0 only when all hold.
 */
@ReplayIntegrationTest
class DatadogClientIntegrationTests {

	private static final Path SCRIPT_FOLDER = Path.of("src/test/node");

	@Test
	void officialClientManagesPlaylistsAndViewership(ReplayClient client, TestUsers users)
			throws IOException, InterruptedException {
		String first = DatadogRecordings.ingestBrowser(client, "spa-router");
		String second = DatadogRecordings.ingestBrowser(client, "dashboard");
		TestUser editor = users.create("editor");
		String token = users.tokenFor(editor);

		assertThat(SCRIPT_FOLDER.resolve("node_modules/@datadog/datadog-api-client"))
			.as("the build installs the client (npm ci in src/test/node)")
			.isDirectory();
		ProcessBuilder builder = new ProcessBuilder(node(), "datadog-client.js").directory(SCRIPT_FOLDER.toFile())
			.redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("REPLAY_URL", "http://127.0.0.1:" + client.port(), "DD_APP_KEY", token, "DD_API_KEY",
					"not-checked", "REPLAY_USERNAME", editor.username(), "REPLAY_APPLICATION_ID",
					TestCorpus.BROWSER_APPLICATION.toString(), "REPLAY_SESSION_IDS", first + "," + second));
		builder.environment().remove("DD_SITE");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		System.out.println(output);
		Files.writeString(Path.of("target/datadog-client.log"), output);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("[datadog-client] all checks passed");
		// the watch was recorded through the API and forgotten again, both audited
		String audit = client.getAsAdmin("/api/v1/audit-events?targetId=" + first).body();
		assertThat(audit).contains("session.watch-recorded", "session.watches-deleted");
	}

	private static String node() {
		String configured = System.getenv("REPLAY_NODE");
		return (configured != null && !configured.isBlank()) ? configured : "node";
	}

}
