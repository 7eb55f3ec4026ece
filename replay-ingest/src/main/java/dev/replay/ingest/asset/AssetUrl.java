package dev.replay.ingest.asset;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A URL that may be fetched as far as its text goes: {@code http} or {@code https},
 * without user name, with a host; kept normalised, with its origin.
 *
 * @param uri the URL to request: the host in lower case and ASCII, no default port, a
 * path of at least {@code /}, no fragment
 * @param origin its origin
 */
record AssetUrl(URI uri, AssetOrigin origin) {

	private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.?");

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

	/**
	 * Read a URL.
	 * @param text the URL, absolute
	 * @return the URL, normalised
	 * @throws InvalidUrlException with the refusal if it may not be fetched
	 */
	static AssetUrl parse(String text) throws InvalidUrlException {
		URI uri;
		try {
			uri = new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			throw invalid("'" + text + "' is not a URL: " + ex.getReason());
		}
		return of(uri, text);
	}

	/**
	 * Read the target of a redirect, relative to this URL.
	 * @param location the {@code Location} header
	 * @return the URL redirected to, normalised
	 * @throws InvalidUrlException with the refusal if it may not be fetched
	 */
	AssetUrl resolve(String location) throws InvalidUrlException {
		URI target;
		try {
			target = this.uri.resolve(new URI(location.strip()));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw invalid(this.uri + " redirects to '" + location + "', which is not a URL");
		}
		return of(target, location);
	}

	private static AssetUrl of(URI uri, String text) throws InvalidUrlException {
		String scheme = uri.getScheme();
		if (scheme == null) {
			throw invalid("'" + text + "' is not an absolute URL");
		}
		scheme = scheme.toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidUrlException(FetchRefusal.of(FetchRefusal.Reason.SCHEME,
					"'" + text + "' uses the scheme " + scheme + "; only http and https are fetched"));
		}
		String authority = uri.getRawAuthority();
		if (uri.isOpaque() || authority == null || authority.isEmpty()) {
			throw invalid("'" + text + "' names no host");
		}
		if (uri.getRawUserInfo() != null || authority.contains("@")) {
			throw new InvalidUrlException(FetchRefusal.of(FetchRefusal.Reason.USERINFO,
					"'" + text + "' carries a user name or password, which are never sent"));
		}
		String host;
		int port;
		if (uri.getHost() != null) {
			host = uri.getHost();
			port = uri.getPort();
		}
		else {
			// a host that java.net.URI does not take as a server name, such as one with
			// letters other than ASCII or an underscore
			int colon = authority.lastIndexOf(':');
			host = (colon >= 0) ? authority.substring(0, colon) : authority;
			String portText = (colon >= 0) ? authority.substring(colon + 1) : "";
			if (!portText.isEmpty() && !PORT.matcher(portText).matches()) {
				throw invalid("'" + text + "' has the port '" + portText + "'");
			}
			port = portText.isEmpty() ? -1 : Integer.parseInt(portText);
		}
		host = normaliseHost(host, text);
		if (port == -1) {
			port = defaultPort(scheme);
		}
		if (port < 1 || port > 65535) {
			throw invalid("'" + text + "' has the port " + port);
		}
		AssetOrigin origin = new AssetOrigin(scheme, host, port);
		String path = uri.getRawPath();
		String query = uri.getRawQuery();
		String normalised = origin + ((path == null || path.isEmpty()) ? "/" : path)
				+ ((query != null) ? "?" + query : "");
		try {
			return new AssetUrl(new URI(new URI(normalised).toASCIIString()), origin);
		}
		catch (URISyntaxException ex) {
			throw invalid("'" + text + "' is not a URL: " + ex.getReason());
		}
	}

	/**
	 * Normalise a host as the origins hold it: IPv6 addresses in Java's full form without
	 * brackets (IPv4-mapped ones as IPv4, the address Java connects to), names in
	 * lower-case ASCII.
	 * @param host the host, IPv6 addresses with or without brackets
	 * @return the normalised host, or {@code null} if it is not a host
	 */
	static @Nullable String normaliseHost(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.contains(":")) {
			if (bare.contains("%")) {
				return null;
			}
			try {
				// a literal with a colon is never looked up
				InetAddress address = InetAddress.getByName(bare);
				return address.getHostAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}
		String ascii;
		try {
			ascii = IDN.toASCII(bare, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return HOST_NAME.matcher(ascii).matches() ? ascii : null;
	}

	private static String normaliseHost(String host, String text) throws InvalidUrlException {
		String normalised = normaliseHost(host);
		if (normalised == null) {
			throw invalid("'" + text + "' has the host '" + host + "', which is not a host name or address");
		}
		return normalised;
	}

	static int defaultPort(String scheme) {
		return scheme.equals("https") ? 443 : 80;
	}

	@Override
	public String toString() {
		return this.uri.toString();
	}

	private static InvalidUrlException invalid(String message) {
		return new InvalidUrlException(FetchRefusal.of(FetchRefusal.Reason.INVALID_URL, message));
	}

	/**
	 * Thrown for a URL that may not be fetched, with the refusal to answer.
	 */
	static final class InvalidUrlException extends Exception {

		private static final long serialVersionUID = 1L;

		private final transient FetchRefusal refusal;

		InvalidUrlException(FetchRefusal refusal) {
			super(refusal.message(), null, false, false);
			this.refusal = refusal;
		}

		FetchRefusal refusal() {
			return this.refusal;
		}

	}

}
