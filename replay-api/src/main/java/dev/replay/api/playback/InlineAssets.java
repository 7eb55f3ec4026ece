package dev.replay.api.playback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.replay.core.asset.AssetUrlRewriter;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.asset.AssetCatalog.AssetBytes;
import dev.replay.ingest.resource.ResourceLinks;
import dev.replay.ingest.resource.SessionResource;
import dev.replay.ingest.session.RecordingCatalog;
import org.jspecify.annotations.Nullable;

/**
 * The captured assets and the mobile images of a session inside an exported file. The
 * events name each captured URL by a token, {@value #TOKEN} and the SHA-256 of the
 * version the session saw, and each image of a mobile recording by
 * {@value #RESOURCE_TOKEN} and its id instead of its link to Replay; the file carries
 * each of them once, as a {@code data:} URL that the player puts in place of its token. A
 * captured style sheet's own references to captured assets are inlined into it the same
 * way, a few levels deep. URLs that were not captured stay as recorded.
 */
final class InlineAssets {

	/** What a captured URL becomes in the events of an exported file. */
	static final String TOKEN = "replay-asset:";

	/** What the link to an image of a mobile recording becomes in an exported file. */
	static final String RESOURCE_TOKEN = "replay-resource:";

	// style sheets importing style sheets: deeper ones keep their URLs
	private static final int MAX_NESTING = 4;

	private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

	private static final String CSS = "text/css";

	private final AssetCatalog catalog;

	private final ApplicationScope scope;

	private final Map<String, String> versions;

	private final RecordingCatalog recordings;

	private final String sessionId;

	private final byte[] resourcePrefix;

	// the images the events named, in order, as they were written
	private final Set<String> resourceIds = new LinkedHashSet<>();

	/**
	 * The captured assets and mobile images of a session.
	 * @param catalog the asset catalog
	 * @param recordings the recordings, for the images of mobile recordings
	 * @param links the links to those images in the events
	 * @param sessionId the session
	 * @param scope the applications whose assets the exporting user may read
	 */
	InlineAssets(AssetCatalog catalog, RecordingCatalog recordings, ResourceLinks links, String sessionId,
			ApplicationScope scope) {
		this.catalog = catalog;
		this.recordings = recordings;
		this.sessionId = sessionId;
		this.scope = scope;
		this.versions = catalog.capturedVersions(sessionId);
		this.resourcePrefix = links.link(sessionId, "").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * What each event becomes: its captured URLs and its links to images replaced by
	 * their tokens.
	 * @return the rewrite of one event's JSON
	 */
	UnaryOperator<byte[]> tokens() {
		if (this.versions.isEmpty()) {
			return this::resourceTokens;
		}
		return (event) -> resourceTokens(AssetUrlRewriter.rewriteEvent(event, (url) -> {
			String sha256 = this.versions.get(url);
			return (sha256 != null) ? TOKEN + sha256 : null;
		}));
	}

	// a link to an image is the prefix and an id of URL-safe characters, inside a JSON
	// string (an attribute or a CSS url())
	private byte[] resourceTokens(byte[] event) {
		int found = indexOf(event, this.resourcePrefix, 0);
		if (found < 0) {
			return event;
		}
		ByteArrayOutputStream rewritten = new ByteArrayOutputStream(event.length);
		int copied = 0;
		while (found >= 0) {
			int idStart = found + this.resourcePrefix.length;
			int idEnd = idStart;
			while (idEnd < event.length && isIdByte(event[idEnd])) {
				idEnd++;
			}
			if (idEnd > idStart) {
				rewritten.write(event, copied, found - copied);
				rewritten.writeBytes(RESOURCE_TOKEN.getBytes(StandardCharsets.US_ASCII));
				rewritten.write(event, idStart, idEnd - idStart);
				this.resourceIds.add(new String(event, idStart, idEnd - idStart, StandardCharsets.US_ASCII));
				copied = idEnd;
			}
			found = indexOf(event, this.resourcePrefix, Math.max(idEnd, found + 1));
		}
		rewritten.write(event, copied, event.length - copied);
		return rewritten.toByteArray();
	}

	private static boolean isIdByte(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
				|| b == '.' || b == '~';
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		int last = bytes.length - part.length;
		outer: for (int i = from; i <= last; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * Write the assets as one JSON object of {@code data:} URLs, reading one asset at a
	 * time: a captured asset's by its SHA-256, an image's by {@code resource:} and its
	 * id. The images are those the events named, so the events are written first.
	 * @param out where to write
	 * @throws IOException if it cannot be written
	 */
	void writeJson(OutputStream out) throws IOException {
		out.write('{');
		boolean first = true;
		for (String sha256 : new TreeSet<>(this.versions.values())) {
			first = writeEntry(out, first, sha256, dataUrl(sha256, new HashSet<>()));
		}
		for (String resourceId : this.resourceIds) {
			Optional<SessionResource> image = this.recordings.findResource(this.sessionId, resourceId, this.scope);
			first = writeEntry(out, first, "resource:" + resourceId,
					image
						.map((found) -> "data:" + mediaType(found.contentType()) + ";base64,"
								+ Base64.getEncoder().encodeToString(found.bytes()))
						.orElse(null));
		}
		out.write('}');
	}

	// keys and data: URLs hold no character that JSON would escape
	private static boolean writeEntry(OutputStream out, boolean first, String key, @Nullable String dataUrl)
			throws IOException {
		if (dataUrl == null) {
			return first;
		}
		if (!first) {
			out.write(',');
		}
		out.write(('"' + key + "\":\"" + dataUrl + '"').getBytes(StandardCharsets.US_ASCII));
		return false;
	}

	private @Nullable String dataUrl(String sha256, Set<String> enclosing) {
		Optional<AssetBytes> found = this.catalog.find(sha256, this.scope);
		if (found.isEmpty()) {
			return null;
		}
		AssetBytes asset = found.get();
		String mediaType = mediaType(asset.contentType());
		if (mediaType.equals(CSS)) {
			enclosing.add(sha256);
			byte[] css = stylesheet(asset, enclosing);
			enclosing.remove(sha256);
			return "data:text/css;charset=utf-8;base64," + Base64.getEncoder().encodeToString(css);
		}
		return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(asset.bytes());
	}

	// the style sheet's references to captured assets become data: URLs; the others are
	// written absolute, as they are served in the player
	private byte[] stylesheet(AssetBytes asset, Set<String> enclosing) {
		URI base = stylesheetUrl(asset.url());
		if (base == null) {
			return asset.bytes();
		}
		String css = new String(asset.bytes(), StandardCharsets.UTF_8);
		List<String> referenced = new ArrayList<>();
		AssetUrlRewriter.rewriteStylesheet(css, base, (url) -> {
			referenced.add(url);
			return null;
		});
		Map<String, String> captured = this.catalog.captured(asset.applicationId(), referenced);
		String rewritten = AssetUrlRewriter.rewriteStylesheet(css, base, (url) -> {
			String sha256 = captured.get(url);
			if (sha256 == null || enclosing.contains(sha256) || enclosing.size() >= MAX_NESTING) {
				return null;
			}
			return dataUrl(sha256, enclosing);
		});
		return rewritten.getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable URI stylesheetUrl(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			return URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// only the type and subtype, which cannot break out of the data: URL or the JSON
	// string it is written in
	static String mediaType(String contentType) {
		int parameters = contentType.indexOf(';');
		String type = ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).strip()
			.toLowerCase(Locale.ROOT);
		return MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream";
	}

}
