package dev.replay.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * Writes the Content Security Policy and framing rules: no page may be framed by another
 * site, except the embedded player, which the sites named by
 * {@code replay.security.embed-frame-ancestors} may frame, and the embedded player of a
 * share link, which those named by {@code replay.security.link-embed-frame-ancestors}
 * may.
 */
class PageHeaders implements HeaderWriter {

	private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	private static final String EMBED_PAGE = "/app/embed.html";

	private static final String EMBED_ROUTE = "/embed/";

	private static final String LINK_EMBED_ROUTE = "/embed/s/";

	private final String policy;

	private final String embedPolicy;

	private final String linkEmbedPolicy;

	PageHeaders(String embedFrameAncestors, String linkEmbedFrameAncestors) {
		this.policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
		this.embedPolicy = framedBy(embedFrameAncestors, "replay.security.embed-frame-ancestors");
		this.linkEmbedPolicy = framedBy(linkEmbedFrameAncestors, "replay.security.link-embed-frame-ancestors");
	}

	private String framedBy(String frameAncestors, String property) {
		if (frameAncestors.isBlank() || frameAncestors.contains(";") || frameAncestors.contains(",")) {
			throw new IllegalArgumentException(property + " must be a space-separated list of CSP sources");
		}
		return this.policy.replace("frame-ancestors 'self'", "frame-ancestors " + frameAncestors.strip());
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (path(request).startsWith(LINK_EMBED_ROUTE)) {
			response.setHeader(CONTENT_SECURITY_POLICY, this.linkEmbedPolicy);
			return;
		}
		if (isEmbed(request)) {
			response.setHeader(CONTENT_SECURITY_POLICY, this.embedPolicy);
			return;
		}
		if (!response.containsHeader(CONTENT_SECURITY_POLICY)) {
			// a response that set a stricter policy of its own (recorded images) keeps it
			response.setHeader(CONTENT_SECURITY_POLICY, this.policy);
		}
		response.setHeader("X-Frame-Options", "DENY");
	}

	static boolean isEmbed(HttpServletRequest request) {
		String path = path(request);
		return (path.startsWith(EMBED_ROUTE) && !path.startsWith(LINK_EMBED_ROUTE)) || path.equals(EMBED_PAGE);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
