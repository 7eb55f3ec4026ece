package dev.replay.api.playback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.replay.api.asset.AssetLinks;
import dev.replay.api.audit.RecordingReads;
import dev.replay.api.share.SharedSession;
import dev.replay.core.asset.AssetUrlRewriter;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.asset.AssetCatalog;
import dev.replay.ingest.playback.PlaybackWindow;
import dev.replay.ingest.playback.SessionTimelines;
import dev.replay.ingest.resource.ResourceLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the session of a share link for playback, within the link's application only, and
 * audits the playback on behalf of the link before the first byte is sent; a follow-up
 * window is audited again only when the link's last audited playback is older than
 * {@code replay.playback.audit-window}. A link's playback is no user's: it goes to
 * neither the watch history nor {@link PlaybackStarted}.
 */
@Service
class LinkPlaybacks {

	private static final Logger LOG = LoggerFactory.getLogger(LinkPlaybacks.class);

	private final SessionTimelines timelines;

	private final RecordingReads reads;

	private final AssetCatalog assets;

	private final ResourceLinks resources;

	LinkPlaybacks(SessionTimelines timelines, RecordingReads reads, AssetCatalog assets, ResourceLinks resources) {
		this.timelines = timelines;
		this.reads = reads;
		this.assets = assets;
		this.resources = resources;
	}

	@Transactional
	PlaybackWindow open(SharedSession shared, boolean continuation, @Nullable Long from, @Nullable Long to) {
		PlaybackWindow window = this.timelines.window(shared.sessionId(),
				ApplicationScope.of(List.of(shared.applicationId())), from, to);
		if (continuation && this.reads.playedThroughLinkRecently(shared.sessionId(), shared.linkId())) {
			return window;
		}
		this.reads.playedThroughLink(shared.sessionId(), shared.applicationId(), shared.linkId());
		LOG.info("Playback of session {} opened through share link {}.", shared.sessionId(), shared.linkId());
		return window;
	}

	/**
	 * What each event of the link's session becomes: its captured assets and mobile
	 * images named by addresses under the link, as the link's reads serve them.
	 * @param shared the link's session
	 * @param linkBase the link's address, ending with a slash
	 * @return the rewriting of one event
	 */
	UnaryOperator<byte[]> linksUnder(SharedSession shared, String linkBase) {
		byte[] resourcePrefix = this.resources.link(shared.sessionId(), "").getBytes(StandardCharsets.UTF_8);
		byte[] linkResourcePrefix = (linkBase + "resources/").getBytes(StandardCharsets.UTF_8);
		UnaryOperator<byte[]> images = (event) -> replaceAll(event, resourcePrefix, linkResourcePrefix);
		Map<String, String> versions = this.assets.capturedVersions(shared.sessionId());
		if (versions.isEmpty()) {
			return images;
		}
		return (event) -> AssetUrlRewriter.rewriteEvent(images.apply(event), (url) -> {
			String sha256 = versions.get(url);
			return (sha256 != null) ? AssetLinks.underLink(linkBase, sha256) : null;
		});
	}

	// the resource links are plain ASCII paths that the decoder wrote into JSON strings
	// as they are, so a byte search finds every one
	static byte[] replaceAll(byte[] bytes, byte[] target, byte[] replacement) {
		int found = indexOf(bytes, target, 0);
		if (found < 0) {
			return bytes;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
		int start = 0;
		while (found >= 0) {
			out.write(bytes, start, found - start);
			out.writeBytes(replacement);
			start = found + target.length;
			found = indexOf(bytes, target, start);
		}
		out.write(bytes, start, bytes.length - start);
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] target, int from) {
		for (int i = from; i <= bytes.length - target.length; i++) {
			if (Arrays.equals(bytes, i, i + target.length, target, 0, target.length)) {
				return i;
			}
		}
		return -1;
	}

}
