package dev.replay;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;

/**
 * The Datadog recordings of the test corpus, sent to a running application the way the
 * SDKs sent them.
 */
public final class DatadogRecordings {

	private DatadogRecordings() {
	}

	/**
	 * Create the corpus applications and their client token through the API, unless an
	 * earlier test of this run did.
	 * @param client the client
	 */
	public static void createApplications(ReplayClient client) {
		for (var id : List.of(TestCorpus.BROWSER_APPLICATION, TestCorpus.MOBILE_APPLICATION)) {
			expectCreatedOrExisting(
					client.postJsonAsAdmin("/api/v1/applications", Map.of("name", "corpus " + id, "id", id)));
		}
		expectCreatedOrExisting(client.postJsonAsAdmin("/api/v1/client-tokens",
				Map.of("name", "corpus", "token", TestCorpus.CLIENT_TOKEN)));
	}

	/**
	 * Send every request of a browser recording to the proxy endpoint.
	 * @param client the client
	 * @param folder the recording folder
	 * @return the session id
	 */
	public static String ingestBrowser(ReplayClient client, String folder) {
		createApplications(client);
		TestCorpus.browserRequests(folder).forEach((request) -> expectAccepted(client, request));
		return TestCorpus.browserSessionId(folder);
	}

	/**
	 * Send every request of a mobile session folder to {@code /api/v2/replay}.
	 * @param client the client
	 * @param folder the session folder
	 * @return the session id
	 */
	public static String ingestMobile(ReplayClient client, String folder) {
		createApplications(client);
		TestCorpus.mobileRequests(folder).forEach((request) -> expectAccepted(client, request));
		return TestCorpus.mobileSessionId(folder);
	}

	public static HttpResponse<String> send(ReplayClient client, CapturedRequest request) {
		return TestCorpus.send(client.uri("").toString(), request);
	}

	private static void expectAccepted(ReplayClient client, CapturedRequest request) {
		HttpResponse<String> response = send(client, request);
		if (response.statusCode() != 202) {
			throw new IllegalStateException(request + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static void expectCreatedOrExisting(HttpResponse<String> response) {
		if (response.statusCode() != 201 && response.statusCode() != 409) {
			throw new IllegalStateException("Could not create corpus data: " + response.body());
		}
	}

}
