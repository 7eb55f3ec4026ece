package dev.replay.api.playback;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import dev.replay.core.event.EventType;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.ingest.playback.PlaybackWindow;

import org.springframework.http.HttpHeaders;

/**
 * Writes a playback window as one JSON array, event by event, and describes it in
 * response headers so that the player can lay out the whole session's seek bar from any
 * window.
 */
final class EventArrayWriter {

	/** Epoch milliseconds of the session's first event. */
	static final String SESSION_START = "Replay-Session-Start";

	/** Milliseconds from the session's first event to its last. */
	static final String SESSION_DURATION = "Replay-Session-Duration";

	/** Milliseconds from the session's start to the first event of the response. */
	static final String WINDOW_START = "Replay-Window-Start";

	private static final int BUFFER_SIZE = 64 * 1024;

	private EventArrayWriter() {
	}

	static HttpHeaders headers(PlaybackWindow window) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(SESSION_START, Long.toString(window.sessionStart()));
		headers.set(SESSION_DURATION, Long.toString(window.sessionDuration()));
		headers.set(WINDOW_START, Long.toString(window.windowStart()));
		return headers;
	}

	/**
	 * Write a window's events as one JSON array.
	 * @param window the window
	 * @param response where to write
	 * @param untilFullSnapshot whether to stop after the first full snapshot, as a
	 * preview does
	 * @param rewrite what each event becomes, for example with the URLs of captured
	 * assets pointing to them
	 * @throws IOException if the response cannot be written or a segment read
	 */
	static void write(PlaybackWindow window, OutputStream response, boolean untilFullSnapshot,
			UnaryOperator<byte[]> rewrite) throws IOException {
		// events are small and many: gather them into large writes to the response
		BufferedOutputStream out = new BufferedOutputStream(response, BUFFER_SIZE);
		out.write('[');
		boolean[] first = { true };
		boolean[] done = { false };
		try {
			window.forEach((event) -> {
				if (done[0]) {
					return;
				}
				try {
					if (untilFullSnapshot && RrwebEventReader.typeOf(event.json()) == EventType.FULL_SNAPSHOT.code()) {
						done[0] = true;
					}
					if (!first[0]) {
						out.write(',');
					}
					first[0] = false;
					out.write(rewrite.apply(event.json()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.write(']');
		out.flush();
	}

}
