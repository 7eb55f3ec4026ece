package dev.replay.api.playback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The HTML file a session is exported as. It holds the export player (bundled by
 * replay-player-web into {@code export/} on the class path) with its styles, and the
 * session's data as JSON script elements, written between them as the session is read.
 * Its Content-Security-Policy allows only that one script (by its hash) and {@code data:}
 * styles, images, fonts and media: the file never loads anything, so it plays offline and
 * does not tell anyone that it is being watched, and the recorded page, rebuilt in an
 * iframe sandboxed without scripts, inherits the same policy.
 */
@Component
class ExportPage {

	private static final String TEMPLATE = "export/export.html";

	private static final String SCRIPT = "export/player.js";

	private static final String STYLE = "export/player.css";

	private final byte[] head;

	private final byte[] tail;

	ExportPage() {
		String script = read(SCRIPT);
		String style = read(STYLE);
		requireNot(script, "</script", SCRIPT);
		requireNot(script, "<!--", SCRIPT);
		requireNot(style, "</style", STYLE);
		String page = read(TEMPLATE).replace("{{content-security-policy}}", contentSecurityPolicy(script))
			.replace("{{style}}", style)
			.replace("{{script}}", script);
		int data = page.indexOf("{{session}}");
		if (data < 0) {
			throw new IllegalStateException(TEMPLATE + " has no place for the session");
		}
		this.head = page.substring(0, data).getBytes(StandardCharsets.UTF_8);
		this.tail = page.substring(data + "{{session}}".length()).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Write the page.
	 * @param out where to write
	 * @param session the session's description, as JSON
	 * @param events writes the events, a JSON array
	 * @param assets writes the captured assets, a JSON object
	 * @throws IOException if it cannot be written or the session read
	 */
	void write(OutputStream out, byte[] session, JsonPart events, JsonPart assets) throws IOException {
		out.write(this.head);
		dataElement(out, "replay-session", (json) -> json.write(session));
		dataElement(out, "replay-events", events);
		dataElement(out, "replay-assets", assets);
		out.write(this.tail);
	}

	private static void dataElement(OutputStream out, String id, JsonPart part) throws IOException {
		out.write(("\n<script type=\"application/json\" id=\"" + id + "\">").getBytes(StandardCharsets.US_ASCII));
		part.writeTo(new ScriptSafeOutputStream(out));
		out.write("</script>".getBytes(StandardCharsets.US_ASCII));
	}

	static String contentSecurityPolicy(String script) {
		return String.join("; ", "default-src 'none'", "script-src '" + sha256(script) + "'",
				"style-src 'unsafe-inline' data:", "img-src data: blob:", "font-src data:", "media-src data: blob:",
				"base-uri 'none'", "form-action 'none'");
	}

	private static String sha256(String script) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void requireNot(String text, String forbidden, String name) {
		if (text.toLowerCase(Locale.ROOT).contains(forbidden)) {
			throw new IllegalStateException(name + " contains " + forbidden + " and cannot be inlined");
		}
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The export player is missing from the class path: " + path, ex);
		}
	}

	/**
	 * One JSON value of the page, written as it is read.
	 */
	@FunctionalInterface
	interface JsonPart {

		void writeTo(OutputStream out) throws IOException;

	}

}
