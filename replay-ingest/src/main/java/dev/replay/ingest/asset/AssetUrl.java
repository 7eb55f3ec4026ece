package dev.replay.ingest.asset;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
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

	private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):");

	// the last label of a host that browsers read as an IPv4 address
	private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

	/**
	 * Read a URL.
	 * @param text the URL, absolute
	 * @return the URL, normalised
	 * @throws InvalidUrlException with the refusal if it may not be fetched
	 */
	static AssetUrl parse(String text) throws InvalidUrlException {
		Matcher scheme = SCHEME.matcher(text.strip());
		if (scheme.lookingAt() && !scheme.group(1).equalsIgnoreCase("http")
				&& !scheme.group(1).equalsIgnoreCase("https")) {
			// before parsing: data: and javascript: URLs are rarely valid URIs
			throw schemeRefused(text, scheme.group(1).toLowerCase(Locale.ROOT));
		}
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
			throw schemeRefused(text, scheme);
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
		if (!HOST_NAME.matcher(ascii).matches()) {
			return null;
		}
		String[] labels = (ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii).split("\\.");
		return NUMBER.matcher(labels[labels.length - 1]).matches() ? ipv4(labels) : ascii;
	}

	/**
	 * Read a host that ends in a number as browsers do (the WHATWG URL standard): as an
	 * IPv4 address of one to four parts, each decimal, octal with a leading {@code 0} or
	 * hexadecimal with {@code 0x}, the last filling the remaining bytes. Java reads
	 * {@code 0177.0.0.1} as 177.0.0.1 where a browser reads 127.0.0.1; the address in
	 * dotted decimal leaves no doubt.
	 * @param labels the labels of the host
	 * @return the address in dotted decimal, or {@code null} if it is not one
	 */
	private static @Nullable String ipv4(String[] labels) {
		if (labels.length > 4) {
			return null;
		}
		long[] parts = new long[labels.length];
		for (int i = 0; i < labels.length; i++) {
			String label = labels[i];
			int radix = 10;
			if (label.startsWith("0x") || label.startsWith("0X")) {
				label = label.substring(2);
				radix = 16;
			}
			else if (label.length() > 1 && label.startsWith("0")) {
				label = label.substring(1);
				radix = 8;
			}
			if (label.length() > 12) {
				return null;
			}
			try {
				parts[i] = label.isEmpty() ? 0 : Long.parseLong(label, radix);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		long address = 0;
		for (int i = 0; i < parts.length - 1; i++) {
			if (parts[i] > 255) {
				return null;
			}
			address = (address << 8) | parts[i];
		}
		int lastBytes = 5 - parts.length;
		long last = parts[parts.length - 1];
		if (last >= (1L << (8 * lastBytes))) {
			return null;
		}
		address = (address << (8 * lastBytes)) | last;
		return ((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "."
				+ (address & 0xff);
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

	private static InvalidUrlException schemeRefused(String text, String scheme) {
		return new InvalidUrlException(FetchRefusal.of(FetchRefusal.Reason.SCHEME,
				"'" + text + "' uses the scheme " + scheme + "; only http and https are fetched"));
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
