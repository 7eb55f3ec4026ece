package dev.replay.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import dev.replay.ReplayClient;
import dev.replay.RrwebCorpus;
import dev.replay.ingest.testsupport.TestCorpus;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds long sessions by repeating the corpus recordings one after the other, shifted in
 * time, and storing them as native segments straight through JDBC.
 */
final class LongSessions {

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":(\\d{13})");

	private LongSessions() {
	}

	/**
	 * Build a session.
	 * @param client the client, to create the session through the intake
	 * @param jdbc the database
	 * @param pages the corpus pages to repeat, in order
	 * @param durationMs the least session time to reach
	 * @param bytes the least bytes of rrweb JSON to reach
	 * @return the session
	 * @throws IOException if the corpus cannot be read
	 */
	static Built build(ReplayClient client, JdbcClient jdbc, List<String> pages, long durationMs, long bytes)
			throws IOException {
		List<Batch> templates = new ArrayList<>();
		for (String page : pages) {
			for (byte[] body : TestCorpus.rrwebBatches(page)) {
				templates.add(Batch.of(page, new String(body, StandardCharsets.UTF_8)));
			}
		}
		String sessionId = RrwebCorpus.ingest(client, pages.get(0));
		long start = templates.get(0).first;
		long cursor = templates.stream().filter((batch) -> batch.page.equals(pages.get(0))).mapToLong(Batch::last).max()
			.orElseThrow() + 1000;
		long total = 0;
		long events = 0;
		int sequence = 1000;
		String page = null;
		long shift = 0;
		while (cursor - start < durationMs || total < bytes) {
			for (Batch batch : templates) {
				if (!batch.page.equals(page)) {
					page = batch.page;
					long pageFirst = templates.stream()
						.filter((candidate) -> candidate.page.equals(batch.page))
						.mapToLong(Batch::first)
						.min()
						.orElseThrow();
					shift = cursor - pageFirst;
				}
				String shifted = shift(batch.json, shift);
				byte[] body = gzip(("{\"events\":" + shifted + "}").getBytes(StandardCharsets.UTF_8));
				jdbc.sql("""
						insert into segment (session_number, dedup_hash, sequence, format, encoding, first_event_at,
						                     last_event_at, body)
						select number, ?, ?, 'rrweb', 'gzip', ?, ?, ? from replay_session where id = ?""")
					.params(sequence, sequence, new Timestamp(batch.first + shift), new Timestamp(batch.last + shift),
							body, sessionId)
					.update();
				sequence++;
				total += shifted.length();
				events += batch.count;
				cursor = Math.max(cursor, batch.last + shift + 1000);
			}
			page = null;
		}
		jdbc.sql("""
				update replay_session set ended_at = ?, segment_count = segment_count + ?, event_count = event_count + ?,
				    updated_at = now()
				where id = ?""").params(new Timestamp(cursor - 1000), sequence - 1000, events, sessionId).update();
		return new Built(sessionId, cursor - 1000 - start, total, sequence - 1000);
	}

	private static String shift(String json, long shift) {
		Matcher matcher = TIMESTAMP.matcher(json);
		StringBuilder shifted = new StringBuilder(json.length());
		while (matcher.find()) {
			matcher.appendReplacement(shifted, "\"timestamp\":" + (Long.parseLong(matcher.group(1)) + shift));
		}
		matcher.appendTail(shifted);
		return shifted.toString();
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_SPEED);
			}
		}) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A session built.
	 *
	 * @param sessionId its id
	 * @param durationMs its duration
	 * @param bytes the bytes of rrweb JSON in the segments added
	 * @param segments the number of segments added
	 */
	record Built(String sessionId, long durationMs, long bytes, int segments) {

	}

	private record Batch(String page, String json, long first, long last, int count) {

		static Batch of(String page, String json) {
			Matcher matcher = TIMESTAMP.matcher(json);
			long first = Long.MAX_VALUE;
			long last = Long.MIN_VALUE;
			int count = 0;
			while (matcher.find()) {
				long timestamp = Long.parseLong(matcher.group(1));
				first = Math.min(first, timestamp);
				last = Math.max(last, timestamp);
				count++;
			}
			return new Batch(page, json, first, last, count);
		}

	}

}
