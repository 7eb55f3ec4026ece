package dev.replay.ingest.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The corpus requests as templates that can be sent again and again under fresh session
 * and request ids. A Datadog segment is a zlib stream holding its session id: the
 * template compresses the text between the ids once, and each copy joins those pieces
 * with stored blocks holding the new id and a new Adler-32, so that metadata and segment
 * agree without compressing anything again.
 */
final class LoadCorpus {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Template> templates;

	private final int sessions;

	private LoadCorpus(List<Template> templates, int sessions) {
		this.templates = templates;
		this.sessions = sessions;
	}

	/**
	 * Load the templates of some kinds of corpus request.
	 * @param kinds any of {@code browser}, {@code mobile} and {@code native}
	 * @param sessions how many copies of the recordings are replayed side by side: each
	 * copy gets its next request only after the others got theirs, as the segments of
	 * real sessions interleave
	 * @return the corpus
	 */
	static LoadCorpus load(Set<String> kinds, int sessions) {
		List<Template> templates = new ArrayList<>();
		if (kinds.contains("browser")) {
			for (String folder : TestCorpus.browserRecordings()) {
				browser(folder, templates);
			}
		}
		if (kinds.contains("mobile")) {
			for (String folder : TestCorpus.mobileRecordings()) {
				mobile(folder, templates);
			}
		}
		if (kinds.contains("native")) {
			for (String folder : TestCorpus.rrwebRecordings()) {
				rrweb(folder, templates);
			}
		}
		if (templates.isEmpty()) {
			throw new IllegalArgumentException("No corpus request for " + kinds);
		}
		return new LoadCorpus(templates, Math.max(1, sessions));
	}

	int size() {
		return this.templates.size();
	}

	/**
	 * The {@code index}th request of a run. Runs of {@code sessions} requests send one
	 * template in that many copies of its recording, each copy under session ids unique
	 * to the run and copy; the templates follow one another in corpus order, and then the
	 * next copies begin.
	 * @param salt unique to the run
	 * @param index the request number
	 * @return the request
	 */
	LoadRequest request(String salt, long index) {
		long round = (long) this.sessions * this.templates.size();
		long within = index % round;
		Template template = this.templates.get((int) (within / this.sessions));
		long copy = (index / round) * this.sessions + within % this.sessions;
		return template.instance(salt + ":" + copy);
	}

	private static void browser(String folder, List<Template> templates) {
		for (CapturedRequest request : TestCorpus.browserRequests(folder)) {
			String path = request.pathAndQuery();
			if (!path.contains("%2Fapi%2Fv2%2Freplay") || !request.method().equals("POST")) {
				continue;
			}
			String requestId = between(path, "dd-request-id%3D", "%26");
			templates.add(Template.datadog("browser", path, requestId, filtered(request), request.body(),
					request.header("Content-Type")));
		}
	}

	private static void mobile(String folder, List<Template> templates) {
		for (CapturedRequest request : TestCorpus.mobileRequests(folder)) {
			if (!request.pathAndQuery().equals("/api/v2/replay")) {
				continue;
			}
			byte[] body = decode(request.body(), request.header("Content-Encoding"));
			Template template = Template.datadog("mobile", "/api/v2/replay", request.header("DD-REQUEST-ID"),
					filtered(request), body, request.header("Content-Type"));
			if (!template.segments.isEmpty()) {
				templates.add(template);
			}
		}
	}

	private static void rrweb(String folder, List<Template> templates) {
		int sequence = 0;
		for (byte[] events : TestCorpus.rrwebBatches(folder)) {
			String batch = "{\"applicationId\":\"" + TestCorpus.BROWSER_APPLICATION + "\",\"sequence\":" + sequence
					+ ",\"events\":" + new String(events, StandardCharsets.UTF_8) + "}";
			templates.add(Template.rrweb(folder, gzip(batch.getBytes(StandardCharsets.UTF_8))));
			sequence++;
		}
	}

	// the headers a copy sends as recorded: not those of the body's encoding (a copy
	// is sent unencoded) nor the request id (each copy has its own)
	private static Map<String, String> filtered(CapturedRequest request) {
		Map<String, String> kept = new LinkedHashMap<>(request.sentHeaders());
		kept.keySet()
			.removeIf((name) -> Set.of("content-encoding", "dd-request-id", "accept-encoding")
				.contains(name.toLowerCase(Locale.ROOT)));
		return kept;
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		if (from < 0) {
			return "";
		}
		from += start.length();
		int to = text.indexOf(end, from);
		return (to < 0) ? text.substring(from) : text.substring(from, to);
	}

	static byte[] decode(byte[] body, String encoding) {
		try {
			return switch (encoding.toLowerCase(Locale.ROOT)) {
				case "gzip" -> new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
				case "deflate" -> new InflaterInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
				default -> body;
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] inflate(byte[] zlib) {
		Inflater inflater = new Inflater();
		inflater.setInput(zlib);
		ByteArrayOutputStream out = new ByteArrayOutputStream(zlib.length * 8);
		byte[] buffer = new byte[64 * 1024];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, n);
			}
		}
		catch (java.util.zip.DataFormatException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			inflater.end();
		}
		return out.toByteArray();
	}

	static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static String md5(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * One request to send, with the checksum of each segment it stores.
	 *
	 * @param kind browser, mobile or native
	 * @param pathAndQuery where to send it
	 * @param headers the headers
	 * @param body the body
	 * @param segments the segments it holds
	 */
	record LoadRequest(String kind, String pathAndQuery, Map<String, String> headers, byte[] body,
			List<SentSegment> segments) {

	}

	/**
	 * A segment as the server should store it.
	 *
	 * @param sessionId its session
	 * @param body the bytes to be stored
	 * @param md5 their MD5
	 */
	record SentSegment(String sessionId, byte[] body, String md5) {

	}

	/**
	 * A part of a multipart body: its raw headers and its content, or a zlib segment
	 * template.
	 */
	private record PartTemplate(byte[] headers, byte[] content, boolean event, ZlibTemplate segment) {

	}

	/**
	 * A corpus request that can be copied under new ids.
	 */
	private static final class Template {

		private final String kind;

		private final String pathAndQuery;

		private final String requestId;

		private final Map<String, String> headers;

		private final String boundary;

		private final List<PartTemplate> parts;

		private final List<ZlibTemplate> segments = new ArrayList<>();

		private final Set<String> sessionIds;

		private final byte[] nativeBody;

		private Template(String kind, String pathAndQuery, String requestId, Map<String, String> headers,
				String boundary, List<PartTemplate> parts, Set<String> sessionIds, byte[] nativeBody) {
			this.kind = kind;
			this.pathAndQuery = pathAndQuery;
			this.requestId = requestId;
			this.headers = headers;
			this.boundary = boundary;
			this.parts = parts;
			this.sessionIds = sessionIds;
			this.nativeBody = nativeBody;
			for (PartTemplate part : parts) {
				if (part.segment() != null) {
					this.segments.add(part.segment());
				}
			}
		}

		static Template datadog(String kind, String pathAndQuery, String requestId, Map<String, String> headers,
				byte[] body, String contentType) {
			String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
			List<byte[][]> raw = split(body, boundary);
			Set<String> sessionIds = new LinkedHashSet<>();
			for (byte[][] part : raw) {
				String headersText = new String(part[0], StandardCharsets.ISO_8859_1);
				if (headersText.contains("name=\"event\"")) {
					collectSessionIds(JSON.readTree(part[1]), sessionIds);
				}
			}
			List<PartTemplate> parts = new ArrayList<>();
			for (byte[][] part : raw) {
				String headersText = new String(part[0], StandardCharsets.ISO_8859_1);
				boolean segment = headersText.contains("name=\"segment\"");
				boolean event = headersText.contains("name=\"event\"");
				parts.add(new PartTemplate(part[0], part[1], event,
						segment ? ZlibTemplate.of(inflate(part[1]), sessionIds) : null));
			}
			return new Template(kind, pathAndQuery, requestId, headers, boundary, parts, sessionIds, null);
		}

		static Template rrweb(String folder, byte[] body) {
			return new Template("native", folder, "", Map.of(), "", List.of(), Set.of(folder), body);
		}

		private static void collectSessionIds(JsonNode event, Set<String> ids) {
			if (event.isArray()) {
				event.forEach((element) -> collectSessionIds(element, ids));
			}
			else if (event.path("session").path("id").isString()) {
				ids.add(event.path("session").path("id").asString());
			}
		}

		LoadRequest instance(String copy) {
			Map<String, String> newIds = new LinkedHashMap<>();
			for (String id : this.sessionIds) {
				newIds.put(id, UUID.nameUUIDFromBytes((copy + ":" + id).getBytes(StandardCharsets.UTF_8)).toString());
			}
			if (this.nativeBody != null) {
				String sessionId = newIds.values().iterator().next();
				Map<String, String> headers = Map.of("Content-Type", "application/json", "Content-Encoding", "gzip",
						"X-Replay-Token", TestCorpus.CLIENT_TOKEN);
				return new LoadRequest(this.kind, "/ingest/v1/sessions/" + sessionId + "/segments", headers,
						this.nativeBody, List.of(new SentSegment(sessionId, this.nativeBody, md5(this.nativeBody))));
			}
			String requestId = UUID.randomUUID().toString();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			List<SentSegment> sent = new ArrayList<>();
			for (PartTemplate part : this.parts) {
				write(body, "--" + this.boundary + "\r\n");
				body.writeBytes(part.headers());
				write(body, "\r\n\r\n");
				if (part.segment() != null) {
					byte[] zlib = part.segment().instance(newIds);
					body.writeBytes(zlib);
					sent.add(new SentSegment(newIds.get(part.segment().sessionId()), zlib, md5(zlib)));
				}
				else if (part.event()) {
					String text = new String(part.content(), StandardCharsets.UTF_8);
					for (Map.Entry<String, String> id : newIds.entrySet()) {
						text = text.replace(id.getKey(), id.getValue());
					}
					write(body, text);
				}
				else {
					body.writeBytes(part.content());
				}
				write(body, "\r\n");
			}
			write(body, "--" + this.boundary + "--\r\n");
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			String path = this.pathAndQuery;
			if (!this.requestId.isEmpty()) {
				if (path.contains(this.requestId)) {
					path = path.replace(this.requestId, requestId);
				}
				else {
					headers.put("DD-REQUEST-ID", requestId);
				}
			}
			return new LoadRequest(this.kind, path, headers, body.toByteArray(), sent);
		}

		private static void write(ByteArrayOutputStream out, String text) {
			out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}

		private static List<byte[][]> split(byte[] body, String boundary) {
			byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
			byte[] crlfDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
			List<byte[][]> parts = new ArrayList<>();
			int at = indexOf(body, delimiter, 0);
			while (at >= 0) {
				int lineEnd = at + delimiter.length;
				if (body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
					break;
				}
				int headersStart = lineEnd + 2;
				int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
				int next = indexOf(body, crlfDelimiter, headersEnd + 4);
				byte[] headers = java.util.Arrays.copyOfRange(body, headersStart, headersEnd);
				byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
				parts.add(new byte[][] { headers, content });
				at = next + 2;
			}
			return parts;
		}

	}

	/**
	 * A zlib stream cut at its session ids: the text between them compressed once, each
	 * piece with a fresh dictionary and ending on a byte boundary.
	 */
	private static final class ZlibTemplate {

		private final String sessionId;

		private final List<byte[]> texts;

		private final List<byte[]> compressed;

		private ZlibTemplate(String sessionId, List<byte[]> texts, List<byte[]> compressed) {
			this.sessionId = sessionId;
			this.texts = texts;
			this.compressed = compressed;
		}

		static ZlibTemplate of(byte[] json, Set<String> sessionIds) {
			String found = null;
			for (String id : sessionIds) {
				if (indexOf(json, id.getBytes(StandardCharsets.UTF_8), 0) >= 0) {
					found = id;
					break;
				}
			}
			if (found == null) {
				throw new IllegalStateException("A segment names none of its request's sessions");
			}
			byte[] id = found.getBytes(StandardCharsets.UTF_8);
			List<byte[]> texts = new ArrayList<>();
			int from = 0;
			for (int at = indexOf(json, id, 0); at >= 0; at = indexOf(json, id, from)) {
				texts.add(java.util.Arrays.copyOfRange(json, from, at));
				from = at + id.length;
			}
			texts.add(java.util.Arrays.copyOfRange(json, from, json.length));
			List<byte[]> compressed = texts.stream().map(ZlibTemplate::deflatePiece).toList();
			return new ZlibTemplate(found, texts, compressed);
		}

		String sessionId() {
			return this.sessionId;
		}

		byte[] instance(Map<String, String> newIds) {
			byte[] id = newIds.get(this.sessionId).getBytes(StandardCharsets.UTF_8);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Adler32 adler = new Adler32();
			out.write(0x78);
			out.write(0x9c);
			for (int i = 0; i < this.texts.size(); i++) {
				if (i > 0) {
					// a stored block, not final, holding the new id
					out.write(0);
					out.write(id.length & 0xff);
					out.write(id.length >>> 8);
					out.write(~id.length & 0xff);
					out.write((~id.length >>> 8) & 0xff);
					out.writeBytes(id);
					adler.update(id);
				}
				out.writeBytes(this.compressed.get(i));
				adler.update(this.texts.get(i));
			}
			// an empty final stored block
			out.writeBytes(new byte[] { 1, 0, 0, (byte) 0xff, (byte) 0xff });
			long sum = adler.getValue();
			out.write((int) (sum >>> 24) & 0xff);
			out.write((int) (sum >>> 16) & 0xff);
			out.write((int) (sum >>> 8) & 0xff);
			out.write((int) sum & 0xff);
			return out.toByteArray();
		}

		private static byte[] deflatePiece(byte[] text) {
			Deflater deflater = new Deflater(6, true);
			deflater.setInput(text);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			int n;
			do {
				n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
				out.write(buffer, 0, n);
			}
			while (n == buffer.length || !deflater.needsInput());
			deflater.end();
			return out.toByteArray();
		}

	}

}
