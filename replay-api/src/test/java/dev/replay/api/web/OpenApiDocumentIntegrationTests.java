package dev.replay.api.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the committed OpenAPI document, from which the test client is generated, equal to
 * the one the application serves. After a change to the API, refresh it with
 * {@value #REFRESH}.
 */
@ReplayIntegrationTest
class OpenApiDocumentIntegrationTests {

	/** The committed document, relative to the module. */
	static final Path DOCUMENT = Path.of("src/test/resources/openapi.json");

	/** The system property that makes this test rewrite the committed document. */
	static final String REWRITE_PROPERTY = "replay.openapi.write";

	static final String REFRESH = "REPLAY_TEST_DB_URL=... ./mvnw -pl replay-api -am verify "
			+ "-Dtest=OpenApiDocumentIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false -D" + REWRITE_PROPERTY;

	ReplayClient client;

	@Test
	void servesTheCommittedDocument() throws IOException {
		HttpResponse<String> response = this.client.getAsAdmin("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		ObjectNode served = (ObjectNode) ReplayClient.json(response.body());
		// the address this test's server happens to listen on
		served.remove("servers");
		if (System.getProperty(REWRITE_PROPERTY) != null) {
			Files.writeString(DOCUMENT,
					ReplayClient.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(served)
							+ "\n",
					StandardCharsets.UTF_8);
		}
		JsonNode committed = ReplayClient.json(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
		String difference = firstDifference("", committed, served);
		assertThat(difference)
			.as("The API has changed: %s differs from the served document at %s. Refresh it with: %s", DOCUMENT,
					difference, REFRESH)
			.isNull();
	}

	// the JSON pointer of the first place where the two documents differ, or null
	private static @Nullable String firstDifference(String path, JsonNode expected, JsonNode actual) {
		if (expected.isObject() && actual.isObject()) {
			for (Map.Entry<String, JsonNode> property : expected.properties()) {
				String at = path + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
				JsonNode other = actual.get(property.getKey());
				String difference = (other != null) ? firstDifference(at, property.getValue(), other) : at;
				if (difference != null) {
					return difference;
				}
			}
			return actual.propertyNames()
				.stream()
				.filter((name) -> !expected.has(name))
				.map((name) -> path + "/" + name)
				.findFirst()
				.orElse(null);
		}
		if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
			for (int i = 0; i < expected.size(); i++) {
				String difference = firstDifference(path + "/" + i, expected.get(i), actual.get(i));
				if (difference != null) {
					return difference;
				}
			}
			return null;
		}
		return expected.equals(actual) ? null : path;
	}

}
