package dev.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.replay.ingest.testsupport.TestCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rrweb recordings of the test corpus, as the batches their recorder posted.
 */
public final class RrwebCorpus {

	private RrwebCorpus() {
	}

	public static List<String> pages() {
		return TestCorpus.rrwebRecordings();
	}

	public static JsonNode manifest(String page) {
		return TestCorpus.rrwebManifest(page);
	}

	/**
	 * The event arrays of a recording's POST bodies, in the order they were sent.
	 * @param page the page folder
	 * @return one array per batch
	 */
	public static List<ArrayNode> batches(String page) {
		return TestCorpus.rrwebBatches(page)
			.stream()
			.map((body) -> (ArrayNode) ReplayClient.mapper().readTree(body))
			.toList();
	}

	/**
	 * Post every batch of a recording through the native intake, gzip-compressed.
	 * @param client the client
	 * @param page the page folder
	 * @return the new session's id
	 * @throws IOException if the corpus cannot be read
	 */
	public static String ingest(ReplayClient client, String page) throws IOException {
		JsonNode app = client.createApplication("corpus " + page);
		String sessionId = UUID.randomUUID().toString();
		int sequence = 0;
		for (ArrayNode events : batches(page)) {
			ObjectNode batch = ReplayClient.mapper().createObjectNode();
			batch.put("applicationId", app.path("id").asString());
			batch.put("sequence", sequence++);
			batch.set("events", events);
			batch.putObject("context").put("url", manifest(page).path("pageUrl").asString());
			int status = client
				.postSegment(sessionId, app.path("clientToken").asString(),
						gzip(ReplayClient.mapper().writeValueAsBytes(batch)), "gzip")
				.statusCode();
			if (status != 202) {
				throw new IllegalStateException("Batch " + sequence + " of " + page + " answered " + status);
			}
		}
		return sessionId;
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
