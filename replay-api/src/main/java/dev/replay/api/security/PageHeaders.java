package dev.replay.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * Writes the Content Security Policy and framing rules: no page may be framed by another
 * site, except the embedded player, which the sites named by
 * {@code replay.security.embed-frame-ancestors} may frame.
 */
class PageHeaders implements HeaderWriter {

	private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	private static final String EMBED_PAGE = "/app/embed.html";

	private static final String EMBED_ROUTE = "/embed/";

	private final String policy;

	private final String embedPolicy;

	PageHeaders(String embedFrameAncestors) {
		if (embedFrameAncestors.isBlank() || embedFrameAncestors.contains(";") || embedFrameAncestors.contains(",")) {
			throw new IllegalArgumentException(
					"replay.security.embed-frame-ancestors must be a space-separated list of CSP sources");
		}
		this.policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
		this.embedPolicy = this.policy.replace("frame-ancestors 'self'",
				"frame-ancestors " + embedFrameAncestors.strip());
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
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
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(EMBED_ROUTE) || path.equals(EMBED_PAGE);
	}

}
