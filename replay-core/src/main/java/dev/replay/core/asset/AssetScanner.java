package dev.replay.core.asset;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.replay.core.dom.NodeType;
import dev.replay.core.event.EventType;
import dev.replay.core.event.IncrementalSource;
import dev.replay.core.rrweb.RecordingJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Finds the stylesheets, fonts and images that a recorded page referenced, in the rrweb
 * events of one session passed in stream order: element attributes ({@code src},
 * {@code srcset}, {@code poster}, {@code background}, the {@code href} of style sheet,
 * icon and preload links and of SVG images), CSS in {@code style} attributes, in style
 * elements, in the style sheets rrweb inlines and in CSSOM changes, and the sources of
 * fonts loaded by script. Relative URLs are resolved against the page URL of the last
 * Meta event, or against the style sheet's own URL where rrweb kept it. Only
 * {@code http(s)} URLs are kept, without their fragment, up to {@link #MAX_REFERENCES}
 * per session. Not thread-safe.
 */
public final class AssetScanner {

	/** The most references kept for one session; further ones are ignored. */
	public static final int MAX_REFERENCES = 5000;

	/** The longest URL kept, in characters; longer ones are ignored. */
	public static final int MAX_URL_LENGTH = AssetUrls.MAX_LENGTH;

	// elements whose URL attributes depend on their tag and context, and style elements
	// whose text children are CSS: followed by node id so that mutations can be judged
	private static final Set<String> FOLLOWED_TAGS = Set.of("link", "img", "source", "input", "video", "body", "table",
			"td", "th", "image", "use", "feimage", "style");

	private static final int MAX_FOLLOWED_NODES = 100_000;

	private final Set<AssetReference> references = new LinkedHashSet<>();

	private final Map<Integer, Element> elements = new HashMap<>();

	private final Set<Integer> styleTexts = new HashSet<>();

	private @Nullable URI page;

	private boolean limitReached;

	/**
	 * Create a scanner for a session's events from its start.
	 */
	public AssetScanner() {
	}

	/**
	 * Scan the next event of the session. Events that are not JSON objects are ignored.
	 * @param eventJson one rrweb event as UTF-8 JSON
	 */
	public void scan(byte[] eventJson) {
		JsonNode event;
		try {
			event = RecordingJson.mapper().readTree(eventJson);
		}
		catch (JacksonException ex) {
			return;
		}
		if (event == null || !event.isObject()) {
			return;
		}
		JsonNode data = event.path("data");
		EventType type = EventType.fromCode(event.path("type").asInt(-1));
		switch (type) {
			case META -> this.page = AssetUrls.base(data.path("href").asString(null));
			case FULL_SNAPSHOT -> {
				this.elements.clear();
				this.styleTexts.clear();
				walk(data.path("node"), null);
			}
			case INCREMENTAL_SNAPSHOT -> incremental(data);
			default -> {
			}
		}
	}

	/**
	 * Scan a style sheet fetched from one of the references, for the fonts, images and
	 * imported sheets that only it names: rrweb cannot inline the rules of cross-origin
	 * sheets, and does not record what an {@code @import} brings.
	 * @param css the style sheet's text
	 * @param stylesheetUrl the URL it was fetched from, which its relative URLs are
	 * resolved against
	 */
	public void scanStylesheet(String css, URI stylesheetUrl) {
		css(css, AssetUrls.base(stylesheetUrl.toString()));
	}

	/**
	 * The references found so far, in the order they were first seen.
	 * @return an unmodifiable view of the references
	 */
	public Set<AssetReference> references() {
		return Collections.unmodifiableSet(this.references);
	}

	/**
	 * Whether references were left out because the session had more than
	 * {@link #MAX_REFERENCES}.
	 * @return whether {@link #references()} is incomplete
	 */
	public boolean limitReached() {
		return this.limitReached;
	}

	private void incremental(JsonNode data) {
		IncrementalSource source = IncrementalSource.fromCode(data.path("source").asInt(-1));
		switch (source) {
			case MUTATION -> mutation(data);
			case STYLE_SHEET_RULE -> {
				for (JsonNode add : data.path("adds")) {
					css(add.path("rule").asString(""), this.page);
				}
				css(data.path("replace").asString(""), this.page);
				css(data.path("replaceSync").asString(""), this.page);
			}
			case STYLE_DECLARATION -> css(data.path("set").path("value").asString(""), this.page);
			case FONT -> {
				// a FontFace loaded by script, its source a CSS src value unless it is a
				// buffer
				if (!data.path("buffer").asBoolean(false)) {
					for (CssUrls.CssUrl url : CssUrls.find(data.path("fontSource").asString(""))) {
						add(url.value(), this.page, AssetKind.FONT);
					}
				}
			}
			case ADOPTED_STYLE_SHEET -> {
				for (JsonNode style : data.path("styles")) {
					for (JsonNode rule : style.path("rules")) {
						css(rule.path("rule").asString(""), this.page);
					}
				}
			}
			default -> {
			}
		}
	}

	private void mutation(JsonNode data) {
		for (JsonNode add : data.path("adds")) {
			Element parent = this.elements.get(add.path("parentId").asInt(-1));
			walk(add.path("node"), parent);
		}
		for (JsonNode text : data.path("texts")) {
			if (this.styleTexts.contains(text.path("id").asInt(-1))) {
				css(text.path("value").asString(""), this.page);
			}
		}
		for (JsonNode change : data.path("attributes")) {
			JsonNode attributes = change.path("attributes");
			Element element = this.elements.get(change.path("id").asInt(-1));
			if (element != null) {
				element.update(attributes);
				attributes(element, attributes);
			}
			else {
				css(attributes.path("style"));
			}
		}
	}

	// A serialized subtree in document order, iteratively so that deep trees cannot
	// exhaust the stack.
	private void walk(JsonNode root, @Nullable Element rootParent) {
		ArrayDeque<Visit> pending = new ArrayDeque<>();
		pending.push(new Visit(root, rootParent));
		while (!pending.isEmpty()) {
			Visit visit = pending.pop();
			JsonNode node = visit.node();
			Element parent = visit.parent();
			NodeType type = NodeType.fromCode(node.path("type").asInt(-1));
			Element element = null;
			if (type == NodeType.ELEMENT) {
				element = new Element(node.path("tagName").asString("").toLowerCase(Locale.ROOT),
						(parent != null) ? parent.tag : null);
				JsonNode attributes = node.path("attributes");
				element.update(attributes);
				follow(node.path("id").asInt(-1), element);
				attributes(element, attributes);
			}
			else if (type == NodeType.TEXT
					&& (node.path("isStyle").asBoolean(false) || (parent != null && parent.tag.equals("style")))) {
				if (this.styleTexts.size() < MAX_FOLLOWED_NODES) {
					this.styleTexts.add(node.path("id").asInt(-1));
				}
				css(node.path("textContent").asString(""), this.page);
			}
			JsonNode children = node.path("childNodes");
			for (int i = children.size() - 1; i >= 0; i--) {
				pending.push(new Visit(children.path(i), element));
			}
		}
	}

	private void follow(int id, Element element) {
		if (FOLLOWED_TAGS.contains(element.tag) && this.elements.size() < MAX_FOLLOWED_NODES) {
			this.elements.put(id, element);
		}
	}

	// the URL-valued attributes among the given ones, judged by the element they are on
	private void attributes(Element element, JsonNode attributes) {
		for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
			String name = attribute.getKey().toLowerCase(Locale.ROOT);
			JsonNode value = attribute.getValue();
			if (name.equals("style")) {
				css(value);
				continue;
			}
			if (!value.isString()) {
				continue;
			}
			String text = value.stringValue();
			switch (name) {
				case "_csstext" -> css(text, element.styleSheetBase(this.page));
				case "src" -> {
					if (element.showsImageSource()) {
						add(text, this.page, AssetKind.IMAGE);
					}
				}
				case "srcset", "imagesrcset" -> {
					if (element.showsImageSource() || element.tag.equals("link")) {
						for (String url : AssetUrls.srcset(text)) {
							add(url, this.page, AssetKind.IMAGE);
						}
					}
				}
				case "poster" -> {
					if (element.tag.equals("video")) {
						add(text, this.page, AssetKind.IMAGE);
					}
				}
				case "background" -> {
					if (element.tag.equals("body") || element.tag.equals("table") || element.tag.equals("td")
							|| element.tag.equals("th")) {
						add(text, this.page, AssetKind.IMAGE);
					}
				}
				case "href", "xlink:href" -> {
					AssetKind kind = element.hrefKind();
					if (kind != null) {
						add(text, this.page, kind);
					}
				}
				default -> {
				}
			}
		}
	}

	// a style attribute: declarations as text, or as rrweb's object of property to value
	// or [value, priority] in attribute mutations
	private void css(JsonNode style) {
		if (style.isString()) {
			css(style.stringValue(), this.page);
		}
		else if (style.isObject()) {
			for (JsonNode value : style) {
				css((value.isArray() ? value.path(0) : value).asString(""), this.page);
			}
		}
	}

	private void css(String css, @Nullable URI base) {
		if (css.isEmpty()) {
			return;
		}
		for (CssUrls.CssUrl url : CssUrls.find(css)) {
			add(url.value(), base, url.kind());
		}
	}

	private void add(String url, @Nullable URI base, AssetKind kind) {
		if (url.length() > MAX_URL_LENGTH) {
			return;
		}
		String resolved = AssetUrls.resolve(url, base);
		if (resolved == null) {
			return;
		}
		AssetReference reference = new AssetReference(resolved, kind);
		if (this.references.size() < MAX_REFERENCES) {
			this.references.add(reference);
		}
		else if (!this.references.contains(reference)) {
			this.limitReached = true;
		}
	}

	private record Visit(JsonNode node, @Nullable Element parent) {

	}

	/**
	 * What the scanner knows of an element to judge its URL attributes, kept up to date
	 * with its attribute mutations.
	 */
	private static final class Element {

		private final String tag;

		private final @Nullable String parentTag;

		private @Nullable String rel;

		private @Nullable String as;

		private @Nullable String type;

		private @Nullable String href;

		private boolean inlinedStyleSheet;

		Element(String tag, @Nullable String parentTag) {
			this.tag = tag;
			this.parentTag = parentTag;
		}

		void update(JsonNode attributes) {
			this.rel = keyword(updated(attributes, "rel", this.rel));
			this.as = keyword(updated(attributes, "as", this.as));
			this.type = keyword(updated(attributes, "type", this.type));
			this.href = updated(attributes, "href", this.href);
			if (attributes.has("_cssText")) {
				this.inlinedStyleSheet = attributes.path("_cssText").isString();
			}
		}

		private static @Nullable String updated(JsonNode attributes, String name, @Nullable String current) {
			if (!attributes.has(name)) {
				return current;
			}
			JsonNode value = attributes.path(name);
			return value.isString() ? value.stringValue() : null;
		}

		private static @Nullable String keyword(@Nullable String value) {
			return (value != null) ? value.strip().toLowerCase(Locale.ROOT) : null;
		}

		// whether its src and srcset are images: img, image inputs and the sources of a
		// picture (not those of video or audio)
		boolean showsImageSource() {
			return switch (this.tag) {
				case "img" -> true;
				case "input" -> "image".equals(this.type);
				case "source" -> !"video".equals(this.parentTag) && !"audio".equals(this.parentTag);
				default -> false;
			};
		}

		@Nullable AssetKind hrefKind() {
			return switch (this.tag) {
				case "image", "use", "feimage" -> AssetKind.IMAGE;
				case "link" -> linkKind();
				default -> null;
			};
		}

		// rrweb drops rel and href from the links whose style sheet it inlines as
		// _cssText
		private @Nullable AssetKind linkKind() {
			List<String> rels = (this.rel != null) ? List.of(this.rel.split("\\s+")) : List.of();
			if (rels.contains("stylesheet") || (this.rel == null && this.inlinedStyleSheet)) {
				return AssetKind.STYLESHEET;
			}
			if (rels.contains("icon") || rels.contains("apple-touch-icon")
					|| rels.contains("apple-touch-icon-precomposed") || rels.contains("mask-icon")) {
				return AssetKind.IMAGE;
			}
			if (rels.contains("preload") && this.as != null) {
				return switch (this.as) {
					case "image" -> AssetKind.IMAGE;
					case "font" -> AssetKind.FONT;
					case "style" -> AssetKind.STYLESHEET;
					default -> null;
				};
			}
			return null;
		}

		@Nullable URI styleSheetBase(@Nullable URI page) {
			if (this.href == null) {
				return page;
			}
			String sheet = AssetUrls.resolve(this.href, page);
			URI base = AssetUrls.base(sheet);
			return (base != null) ? base : page;
		}

	}

}
