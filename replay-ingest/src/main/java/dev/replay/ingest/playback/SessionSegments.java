package dev.replay.ingest.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.playback.SessionDecoder;
import dev.replay.core.playback.StoredSegment;
import dev.replay.core.segment.SegmentFormat;
import dev.replay.core.timeline.SegmentEvents;
import dev.replay.ingest.resource.ResourceLinks;
import dev.replay.ingest.storage.Loaded;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredPart;
import dev.replay.ingest.storage.StoredParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored segments of a session, read in one streaming query for playback and for
 * indexing: in the order the merge takes them, fetched a few rows ahead of it, and
 * decoded by one {@link SessionDecoder} for the session when the merge reaches them.
 */
@Repository
@NamedInterface("api")
public class SessionSegments {

	private static final Logger LOG = LoggerFactory.getLogger(SessionSegments.class);

	// rows per round trip: besides the segments the merge has open, memory holds at most
	// this many compressed segments
	private static final int FETCH_SIZE = 4;

	private final JdbcClient jdbc;

	private final ResourceLinks links;

	private final RecordingStorage storage;

	private final TransactionTemplate transaction;

	SessionSegments(JdbcClient jdbc, ResourceLinks links, RecordingStorage storage,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.links = links;
		this.storage = storage;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setReadOnly(true);
	}

	/**
	 * Read the segments of a session that may hold events in a span of time, in
	 * first-timestamp order. PostgreSQL streams the rows only inside a transaction: the
	 * read joins the caller's, or runs in a read-only one of its own, which holds a
	 * connection until the reader returns.
	 * @param sessionId the session
	 * @param from epoch milliseconds: rrweb segments whose last event is earlier are left
	 * out, {@link Long#MIN_VALUE} for none; Datadog segments are all kept, because their
	 * decoding needs the segments before
	 * @param until epoch milliseconds: segments whose first event is later are left out,
	 * {@link Long#MAX_VALUE} for none
	 * @param reader reads the segments while the query is open
	 * @return the number of segments read from the database
	 * @throws IOException if the reader fails to read a segment or to pass its events on
	 */
	public int read(String sessionId, long from, long until, Reader reader) throws IOException {
		return read(sessionId, from, until, (resourceId) -> {
		}, reader);
	}

	/**
	 * Read the segments of a session as {@link #read(String, long, long, Reader)} does,
	 * and name the images of mobile recordings that the decoded events show.
	 * @param sessionId the session
	 * @param from epoch milliseconds, {@link Long#MIN_VALUE} for none
	 * @param until epoch milliseconds, {@link Long#MAX_VALUE} for none
	 * @param images is given the resource id of each image an event shows
	 * @param reader reads the segments while the query is open
	 * @return the number of segments read from the database
	 * @throws IOException if the reader fails to read a segment or to pass its events on
	 */
	public int read(String sessionId, long from, long until, Consumer<String> images, Reader reader)
			throws IOException {
		SessionDecoder decoder = new SessionDecoder((resourceId) -> {
			images.accept(resourceId);
			return this.links.link(sessionId, resourceId);
		}, (segment, problem) -> LOG.warn("Segment {} of session {} cannot be fully converted: {}", segment.id(),
				sessionId, problem.getMessage()));
		int[] read = { 0 };
		try {
			this.transaction.executeWithoutResult((status) -> {
				try (Stream<SegmentRow> rows = query(sessionId, from, until)) {
					Iterator<Loaded<SegmentRow>> stored = this.storage.read(rows.iterator(), SegmentRow::part);
					reader.read(new Iterator<>() {

						@Override
						public boolean hasNext() {
							return stored.hasNext();
						}

						@Override
						public SegmentEvents next() {
							read[0]++;
							Loaded<SegmentRow> next = stored.next();
							return decoder.events(SegmentRow.withBytes(next.item(), next.bytes()));
						}

					});
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return read[0];
	}

	private Stream<SegmentRow> query(String sessionId, long from, long until) {
		// "first_event_at < until + 1 ms" is "first timestamp, in whole milliseconds, <=
		// until", as the merge compares it
		return this.jdbc.sql("""
				select s.dedup_hash, s.first_event_at, s.format, s.encoding, s.body, o.key, s.object_offset,
				       s.object_length, s.checksum
				from replay_session r
				join segment s on s.session_number = r.number
				left join stored_object o on o.id = s.object_id
				where r.id = :session
				  and (cast(:from as timestamptz) is null or s.format <> 'rrweb' or s.last_event_at >= :from)
				  and (cast(:before as timestamptz) is null or s.first_event_at < :before)
				order by s.first_event_at, s.sequence, s.dedup_hash""")
			.withFetchSize(FETCH_SIZE)
			.param("session", sessionId)
			.param("from", (from != Long.MIN_VALUE) ? new Timestamp(from) : null)
			.param("before", (until != Long.MAX_VALUE) ? new Timestamp(until + 1) : null)
			.query((rs, row) -> new SegmentRow(rs.getLong("dedup_hash"),
					rs.getTimestamp("first_event_at").toInstant().toEpochMilli(),
					SegmentFormat.fromCode(rs.getString("format")), ContentEncoding.fromCode(rs.getString("encoding")),
					StoredParts.of(rs, "body", "key", "object_offset", "object_length", "checksum")))
			.stream();
	}

	// a segment's row, with where its bytes are
	private record SegmentRow(long id, long firstTimestamp, SegmentFormat format, ContentEncoding encoding,
			StoredPart part) {

		static StoredSegment withBytes(SegmentRow row, byte[] bytes) {
			return new StoredSegment(row.id, row.firstTimestamp, row.format, row.encoding, bytes);
		}

	}

	/**
	 * Reads the segments of a session while the query that returns them is open.
	 */
	@FunctionalInterface
	public interface Reader {

		/**
		 * Read the segments.
		 * @param segments the segments in first-timestamp order, each decoded when read
		 * @throws IOException if a segment cannot be read or its events passed on
		 */
		void read(Iterator<SegmentEvents> segments) throws IOException;

	}

}
