package dev.replay.ingest.asset;

/**
 * Where an asset comes from: a scheme, a host and a port, compared after normalisation
 * ({@code HTTPS://Shop.Example:443} is {@code https://shop.example}).
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host in lower case, international names in their ASCII form, IPv6
 * addresses without brackets
 * @param port the port, the scheme's default when the origin names none
 */
public record AssetOrigin(String scheme, String host, int port) {

	/**
	 * Read an origin as configured, such as {@code https://cdn.shop.example:8443}. A path
	 * other than {@code /}, a query, a fragment or a user name are not part of an origin
	 * and are refused.
	 * @param origin the origin
	 * @return the normalised origin
	 * @throws IllegalArgumentException if it is not an {@code http} or {@code https}
	 * origin
	 */
	public static AssetOrigin of(String origin) {
		AssetUrl url;
		try {
			url = AssetUrl.parse(origin);
		}
		catch (AssetUrl.InvalidUrlException ex) {
			throw new IllegalArgumentException("'" + origin + "' is not an origin: " + ex.refusal().message(), ex);
		}
		String path = url.uri().getRawPath();
		boolean originOnly = (path.isEmpty() || path.equals("/")) && url.uri().getRawQuery() == null
				&& !origin.contains("#");
		if (!originOnly) {
			throw new IllegalArgumentException("'" + origin
					+ "' is not an origin: it has a path, a query or a fragment; write scheme://host[:port]");
		}
		return url.origin();
	}

	/**
	 * Tell whether the port is the scheme's default.
	 * @return {@code true} for port 80 of {@code http} and 443 of {@code https}
	 */
	boolean defaultPort() {
		return this.port == AssetUrl.defaultPort(this.scheme);
	}

	/**
	 * The origin as written in a URL: {@code scheme://host[:port]}, the port left out
	 * when it is the scheme's default.
	 * @return the origin
	 */
	@Override
	public String toString() {
		String authority = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return this.scheme + "://" + authority + (defaultPort() ? "" : ":" + this.port);
	}

}
