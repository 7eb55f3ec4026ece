package dev.replay.ingest.intake;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body into memory, refusing it as soon as it passes the limit.
 */
final class BodyReader {

	private BodyReader() {
	}

	static byte[] read(HttpServletRequest request, long limit) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw new PayloadTooLargeException("The request body", limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			if (bytes.length > limit) {
				throw new PayloadTooLargeException("The request body", limit);
			}
			return bytes;
		}
	}

}
