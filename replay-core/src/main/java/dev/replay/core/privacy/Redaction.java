package dev.replay.core.privacy;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.replay.core.rrweb.RecordingJson;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The redaction rules that hold for one session, applied to what is read of it: texts are
 * masked in plain strings and in the strings of JSON documents (with their URL-encoded
 * forms, so that they are masked in URLs too), each occurrence becoming {@code *} of the
 * same length; selectors need the page, so they apply to an event stream through
 * {@link #events()}. Immutable and thread-safe.
 */
public final class Redaction {

	/** No rule: everything passes unchanged. */
	public static final Redaction NONE = new Redaction(List.of());

	private final List<RedactionRule> rules;

	// the forms of the texts, longest first, so that a longer text wins over a shorter
	// one it contains
	private final List<String> forms;

	private final List<byte[]> jsonForms;

	private final List<Evaluator> selectors;

	private Redaction(List<RedactionRule> rules) {
		this.rules = List.copyOf(rules);
		Set<String> texts = new LinkedHashSet<>();
		List<Evaluator> evaluators = new ArrayList<>();
		for (RedactionRule rule : this.rules) {
			if (rule.text() != null) {
				texts.addAll(forms(rule.text()));
			}
			if (rule.selector() != null) {
				evaluators.add(QueryParser.parse(rule.selector()));
			}
		}
		List<String> sorted = new ArrayList<>(texts);
		sorted.sort(Comparator.comparingInt(String::length).reversed());
		this.forms = List.copyOf(sorted);
		this.jsonForms = this.forms.stream().map(Redaction::jsonForm).toList();
		this.selectors = List.copyOf(evaluators);
	}

	/**
	 * The redaction of a set of rules.
	 * @param rules the rules, in any order
	 * @return the redaction, {@link #NONE} without rules
	 */
	public static Redaction of(Collection<RedactionRule> rules) {
		return rules.isEmpty() ? NONE : new Redaction(List.copyOf(rules));
	}

	/**
	 * The rules.
	 * @return the rules this redaction applies
	 */
	public List<RedactionRule> rules() {
		return this.rules;
	}

	/**
	 * Whether nothing is redacted.
	 * @return {@code true} without rules
	 */
	public boolean isEmpty() {
		return this.rules.isEmpty();
	}

	/**
	 * A fresh redactor of one event stream, which follows the page for the selectors.
	 * @return the redactor, to be given the events in stream order
	 */
	public EventRedactor events() {
		return new EventRedactor(this);
	}

	List<Evaluator> selectors() {
		return this.selectors;
	}

	/**
	 * Mask the texts in a plain string.
	 * @param value a string, for example a URL or a title
	 * @return the string with each occurrence masked, or {@code null} for {@code null}
	 */
	public @Nullable String apply(@Nullable String value) {
		if (value == null || this.forms.isEmpty()) {
			return value;
		}
		String result = value;
		for (String form : this.forms) {
			int at = result.indexOf(form);
			if (at < 0) {
				continue;
			}
			StringBuilder masked = new StringBuilder(result.length());
			int from = 0;
			while (at >= 0) {
				masked.append(result, from, at).append("*".repeat(form.length()));
				from = at + form.length();
				at = result.indexOf(form, from);
			}
			result = masked.append(result, from, result.length()).toString();
		}
		return result;
	}

	/**
	 * Mask the texts in the string values of a JSON document, leaving its keys and
	 * structure as they are.
	 * @param json a JSON document
	 * @return the document with each occurrence masked, or {@code null} for {@code null}
	 */
	public @Nullable String applyToJson(@Nullable String json) {
		if (json == null || this.forms.isEmpty()) {
			return json;
		}
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		byte[] masked = applyToJson(bytes);
		return (masked == bytes) ? json : new String(masked, StandardCharsets.UTF_8);
	}

	/**
	 * Mask the texts in the string values of a JSON document in UTF-8.
	 * @param json a JSON document, not changed
	 * @return the same array when nothing was masked, otherwise a masked copy
	 */
	public byte[] applyToJson(byte[] json) {
		if (this.jsonForms.isEmpty() || !containsAny(json)) {
			return json;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
		int copied = 0;
		int i = 0;
		while (i < json.length) {
			if (json[i] != '"') {
				i++;
				continue;
			}
			int end = stringEnd(json, i + 1);
			if (isKey(json, end)) {
				i = end + 1;
				continue;
			}
			int j = i + 1;
			while (j < end) {
				int form = formAt(json, j, end);
				if (form >= 0) {
					out.write(json, copied, j - copied);
					out.writeBytes("*".repeat(this.forms.get(form).length()).getBytes(StandardCharsets.UTF_8));
					j += this.jsonForms.get(form).length;
					copied = j;
				}
				else if (json[j] == '\\') {
					j += (j + 1 < end && json[j + 1] == 'u') ? 6 : 2;
				}
				else {
					j++;
				}
			}
			i = end + 1;
		}
		if (copied == 0) {
			return json;
		}
		out.write(json, copied, json.length - copied);
		return out.toByteArray();
	}

	private boolean containsAny(byte[] json) {
		for (byte[] form : this.jsonForms) {
			if (JsonBytes.indexOf(json, form, 0) >= 0) {
				return true;
			}
		}
		return false;
	}

	// the index of the longest form that starts at a position and ends within a string
	private int formAt(byte[] json, int at, int end) {
		for (int f = 0; f < this.jsonForms.size(); f++) {
			byte[] form = this.jsonForms.get(f);
			if (at + form.length <= end && json[at] == form[0] && startsWith(json, at, form)) {
				return f;
			}
		}
		return -1;
	}

	private static boolean startsWith(byte[] json, int at, byte[] form) {
		for (int k = 1; k < form.length; k++) {
			if (json[at + k] != form[k]) {
				return false;
			}
		}
		return true;
	}

	// the index of the quote that closes a string starting at a position, or the length
	private static int stringEnd(byte[] json, int from) {
		int i = from;
		while (i < json.length && json[i] != '"') {
			i += (json[i] == '\\') ? 2 : 1;
		}
		return Math.min(i, json.length);
	}

	private static boolean isKey(byte[] json, int end) {
		int i = end + 1;
		while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
			i++;
		}
		return i < json.length && json[i] == ':';
	}

	// the text itself and the forms a URL gives it
	private static List<String> forms(String text) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(text);
		String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
		forms.add(encoded);
		forms.add(encoded.replace("+", "%20"));
		return List.copyOf(forms);
	}

	private static byte[] jsonForm(String text) {
		String quoted = RecordingJson.mapper().writeValueAsString(text);
		return quoted.substring(1, quoted.length() - 1).getBytes(StandardCharsets.UTF_8);
	}

}
