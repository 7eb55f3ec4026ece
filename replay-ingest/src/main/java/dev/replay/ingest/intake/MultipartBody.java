package dev.replay.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Splits a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1) held in
 * memory into its parts, refusing anything whose framing is broken.
 */
final class MultipartBody {

	private static final int MAX_PARTS = 1000;

	private static final int MAX_HEADER_BYTES = 16 * 1024;

	private static final int MAX_BOUNDARY_LENGTH = 70;

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };

	private MultipartBody() {
	}

	/**
	 * Read the boundary of a {@code multipart/form-data} content type.
	 * @param contentType the {@code Content-Type} header
	 * @return the boundary
	 * @throws UnsupportedBodyException if the content type is not
	 * {@code multipart/form-data}
	 * @throws MalformedBodyException if it has no valid boundary
	 */
	static String boundary(@Nullable String contentType) {
		String[] pieces = (contentType != null) ? contentType.split(";") : new String[] { "" };
		String type = pieces[0].trim().toLowerCase(Locale.ROOT);
		if (!type.equals("multipart/form-data")) {
			throw new UnsupportedBodyException("Content-Type must be multipart/form-data; got '" + type + "'.");
		}
		for (int i = 1; i < pieces.length; i++) {
			String parameter = pieces[i].trim();
			if (parameter.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String boundary = unquote(parameter.substring("boundary=".length()));
				if (!boundary.isEmpty() && boundary.length() <= MAX_BOUNDARY_LENGTH) {
					return boundary;
				}
			}
		}
		throw new MalformedBodyException("The multipart Content-Type has no valid boundary.");
	}

	/**
	 * Split a body into parts.
	 * @param body the whole body, already decoded from its content coding
	 * @param boundary the boundary from the content type
	 * @return the parts in body order
	 * @throws MalformedBodyException if the framing is broken
	 */
	static List<Part> parse(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		int position = startsWith(body, 0, delimiter) ? 0 : indexOf(body, separator, 0);
		if (position < 0) {
			throw new MalformedBodyException("The body does not contain the multipart boundary.");
		}
		position += (position == 0 && startsWith(body, 0, delimiter)) ? delimiter.length : separator.length;
		List<Part> parts = new ArrayList<>();
		while (true) {
			if (startsWith(body, position, new byte[] { '-', '-' })) {
				return parts;
			}
			position = skipTransportPadding(body, position);
			if (!startsWith(body, position, CRLF)) {
				throw new MalformedBodyException("A multipart boundary is not followed by a line break.");
			}
			position += CRLF.length;
			int headersEnd = indexOf(body, HEADER_END, position, Math.min(body.length, position + MAX_HEADER_BYTES));
			if (headersEnd < 0) {
				throw new MalformedBodyException("A multipart part has no end of headers.");
			}
			String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
			int contentStart = headersEnd + HEADER_END.length;
			int contentEnd = indexOf(body, separator, contentStart);
			if (contentEnd < 0) {
				throw new MalformedBodyException("The multipart body ends before its closing boundary.");
			}
			if (parts.size() == MAX_PARTS) {
				throw new MalformedBodyException("The multipart body has more than " + MAX_PARTS + " parts.");
			}
			parts.add(Part.of(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
			position = contentEnd + separator.length;
		}
	}

	private static int skipTransportPadding(byte[] body, int position) {
		int at = position;
		while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
			at++;
		}
		return at;
	}

	private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
		if (offset < 0 || offset + prefix.length > body.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (body[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] body, byte[] target, int from) {
		return indexOf(body, target, from, body.length);
	}

	private static int indexOf(byte[] body, byte[] target, int from, int to) {
		int last = to - target.length;
		for (int i = from; i <= last; i++) {
			if (body[i] == target[0] && startsWith(body, i, target)) {
				return i;
			}
		}
		return -1;
	}

	private static String unquote(String value) {
		String trimmed = value.trim();
		if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
			return trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed;
	}

	/**
	 * One part of a multipart body.
	 *
	 * @param name the form field name from {@code Content-Disposition}
	 * @param filename the file name from {@code Content-Disposition}, if any
	 * @param contentType the part's {@code Content-Type}, if any
	 * @param content the part's bytes
	 */
	record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {

		static Part of(String headers, byte[] content) {
			String disposition = null;
			String contentType = null;
			for (String line : headers.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon <= 0) {
					throw new MalformedBodyException("A multipart part has a malformed header line.");
				}
				String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).trim();
				if (header.equals("content-disposition")) {
					disposition = value;
				}
				else if (header.equals("content-type")) {
					contentType = value;
				}
			}
			if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
				throw new MalformedBodyException("A multipart part has no 'Content-Disposition: form-data' header.");
			}
			String name = parameter(disposition, "name");
			if (name == null || name.isEmpty()) {
				throw new MalformedBodyException("A multipart part has no name.");
			}
			return new Part(name, parameter(disposition, "filename"), contentType, content);
		}

		private static @Nullable String parameter(String disposition, String wanted) {
			for (String piece : disposition.split(";")) {
				String parameter = piece.trim();
				int equals = parameter.indexOf('=');
				if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase(wanted)) {
					return unquote(parameter.substring(equals + 1));
				}
			}
			return null;
		}

	}

}
