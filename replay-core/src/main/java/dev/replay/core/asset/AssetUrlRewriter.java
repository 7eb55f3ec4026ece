package dev.replay.core.asset;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Points the asset URLs of recorded events and of captured style sheets at other URLs,
 * typically the captured copies.
 * <p>
 * Events are rewritten in their JSON text, without parsing: every absolute {@code http}
 * or {@code https} URL inside a JSON string (an attribute value, a {@code url()} or
 * {@code @import} of CSS text, a {@code srcset} candidate) is looked up without its
 * fragment, the fragment being kept after a replacement. Relative URLs are not seen:
 * rrweb writes the URLs of attributes and style sheets absolute.
 */
public final class AssetUrlRewriter {

	private AssetUrlRewriter() {
	}

	/**
	 * Rewrite the asset URLs of an event. Runs on every event served, so it reads each
	 * byte once and looks closer only at {@code http}.
	 * @param eventJson one event as UTF-8 JSON
	 * @param replacementOrNull gives the URL to write instead of an absolute URL without
	 * fragment, or {@code null} to keep it
	 * @return the rewritten event, or {@code eventJson} itself when nothing was replaced
	 */
	public static byte[] rewriteEvent(byte[] eventJson, Function<String, @Nullable String> replacementOrNull) {
		EventUrls urls = null;
		ByteArrayOutputStream rewritten = null;
		int copied = 0;
		int last = eventJson.length - 7;
		int i = 0;
		while (i <= last) {
			if (eventJson[i] != 'h' || eventJson[i + 1] != 't' || eventJson[i + 2] != 't' || eventJson[i + 3] != 'p'
					|| !EventUrls.startsAt(eventJson, i)) {
				i++;
				continue;
			}
			if (urls == null) {
				urls = new EventUrls(eventJson);
			}
			int end = urls.read(i);
			if (!urls.isHttp()) {
				i += 4;
				continue;
			}
			if (urls.tooLong()) {
				i = end;
				continue;
			}
			String url = urls.url();
			String fragment = "";
			int hash = url.indexOf('#');
			if (hash >= 0) {
				fragment = url.substring(hash);
				url = url.substring(0, hash);
			}
			String replacement = replacementOrNull.apply(url);
			if (replacement != null && !replacement.equals(url)) {
				if (rewritten == null) {
					rewritten = new ByteArrayOutputStream(eventJson.length + 64);
				}
				rewritten.write(eventJson, copied, i - copied);
				writeJsonString(rewritten, replacement + fragment);
				copied = end;
			}
			i = end;
		}
		if (rewritten == null) {
			return eventJson;
		}
		rewritten.write(eventJson, copied, eventJson.length - copied);
		return rewritten.toByteArray();
	}

	/**
	 * Rewrite the URLs of a captured style sheet: each {@code url()}, {@code @import} and
	 * {@code image-set()} URL is resolved against the sheet's own URL and replaced when
	 * the function maps it, and written absolute otherwise, so that it still loads from
	 * the site the sheet came from. URLs that are not {@code http(s)} (such as
	 * {@code data:}) stay as they are.
	 * @param css the style sheet's text
	 * @param stylesheetUrl the URL the style sheet was fetched from
	 * @param replacementOrNull gives the URL to write instead of an absolute URL without
	 * fragment, or {@code null} to keep it
	 * @return the rewritten style sheet
	 */
	public static String rewriteStylesheet(String css, URI stylesheetUrl,
			Function<String, @Nullable String> replacementOrNull) {
		URI base = AssetUrls.base(stylesheetUrl.toString());
		StringBuilder rewritten = null;
		int copied = 0;
		for (CssUrls.CssUrl found : CssUrls.find(css)) {
			String written = found.value().strip();
			String resolved = AssetUrls.resolve(written, base);
			if (resolved == null) {
				continue;
			}
			int hash = written.indexOf('#');
			String fragment = (hash >= 0) ? written.substring(hash) : "";
			String replacement = replacementOrNull.apply(resolved);
			String url = ((replacement != null) ? replacement : resolved) + fragment;
			if (url.equals(found.value())) {
				continue;
			}
			if (rewritten == null) {
				rewritten = new StringBuilder(css.length() + 64);
			}
			rewritten.append(css, copied, found.start()).append(CssUrls.write(url, found.quote()));
			copied = found.end();
		}
		return (rewritten != null) ? rewritten.append(css, copied, css.length()).toString() : css;
	}

	private static void writeJsonString(ByteArrayOutputStream out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.write('\\');
				out.write(c);
			}
			else if (c < 0x20) {
				byte[] escape = String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII);
				out.write(escape, 0, escape.length);
			}
			else if (c < 0x80) {
				out.write(c);
			}
			else {
				int end = i + 1;
				while (end < text.length() && text.charAt(end) >= 0x80) {
					end++;
				}
				byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
				out.write(utf8, 0, utf8.length);
				i = end - 1;
			}
		}
	}

	/**
	 * Reads the URL that starts at a position of an event's JSON text, decoding the JSON
	 * escapes it may contain ({@code \/}, {@code \u002F}).
	 */
	private static final class EventUrls {

		private final byte[] json;

		private byte[] decoded = new byte[256];

		private int length;

		private boolean tooLong;

		EventUrls(byte[] json) {
			this.json = json;
		}

		// whether the "http" at this position starts a word: not "xhttp", but "\nhttp"
		static boolean startsAt(byte[] json, int position) {
			if (position == 0) {
				return true;
			}
			byte before = json[position - 1];
			boolean wordChar = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')
					|| (before >= '0' && before <= '9') || before == '_' || before == '-' || before == '.';
			return !wordChar || (position >= 2 && json[position - 2] == '\\');
		}

		/**
		 * Read the URL at a position where {@code http} was seen.
		 * @param start the position
		 * @return where the URL's JSON text ends
		 */
		int read(int start) {
			this.length = 0;
			this.tooLong = false;
			int parentheses = 0;
			int position = start;
			while (position < this.json.length) {
				byte b = this.json[position];
				int width = 1;
				int c = b;
				if (b == '\\') {
					if (position + 1 >= this.json.length) {
						break;
					}
					byte escaped = this.json[position + 1];
					if (escaped == '/') {
						c = '/';
						width = 2;
					}
					else if (escaped == 'u' && position + 5 < this.json.length) {
						c = hex(position + 2);
						width = 6;
						if (c < 0 || (c >= 0xd800 && c <= 0xdfff)) {
							break;
						}
					}
					else {
						break;
					}
				}
				if (c >= 0 && c < 0x80) {
					if (endsUrl(c)) {
						break;
					}
					if (c == '(') {
						parentheses++;
					}
					else if (c == ')') {
						if (parentheses == 0) {
							break;
						}
						parentheses--;
					}
					append((byte) c);
				}
				else if (width == 1) {
					append(b);
				}
				else {
					byte[] utf8 = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
					for (byte u : utf8) {
						append(u);
					}
				}
				position += width;
			}
			// commas after a URL separate srcset candidates
			while (this.length > 0 && this.decoded[this.length - 1] == ',' && this.json[position - 1] == ',') {
				this.length--;
				position--;
			}
			return position;
		}

		// whether the URL read is longer than any asset URL kept: only its start was kept
		boolean tooLong() {
			return this.tooLong;
		}

		String url() {
			return new String(this.decoded, 0, this.length, StandardCharsets.UTF_8);
		}

		// whether the URL read is an absolute http(s) URL
		boolean isHttp() {
			int scheme = (this.length > 4 && this.decoded[4] == 's') ? 5 : 4;
			return this.length > scheme + 3 && this.decoded[scheme] == ':' && this.decoded[scheme + 1] == '/'
					&& this.decoded[scheme + 2] == '/';
		}

		private int hex(int from) {
			int value = 0;
			for (int i = from; i < from + 4; i++) {
				int digit = Character.digit(this.json[i], 16);
				if (digit < 0) {
					return -1;
				}
				value = value * 16 + digit;
			}
			return value;
		}

		private void append(byte b) {
			if (this.length > AssetUrls.MAX_LENGTH) {
				this.tooLong = true;
				return;
			}
			if (this.length == this.decoded.length) {
				this.decoded = Arrays.copyOf(this.decoded, this.length * 2);
			}
			this.decoded[this.length++] = b;
		}

		private static boolean endsUrl(int c) {
			return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '{'
					|| c == '}' || c == 0x7f;
		}

	}

}
