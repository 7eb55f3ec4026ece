package dev.replay.ingest.asset;

import java.net.URI;

/**
 * An asset that was fetched and kept.
 *
 * @param url the URL it was read from, after redirects, normalised (the host in lower
 * case and ASCII, no default port, no fragment)
 * @param contentType its media type without parameters, in lower case, such as
 * {@code text/css}
 * @param bytes its bytes, decoded if the server compressed them; the array is not copied
 * and must not be changed
 * @param sha256 the SHA-256 of the bytes, 64 lower-case hexadecimal digits
 */
public record FetchedAsset(URI url, String contentType, byte[] bytes, String sha256) implements AssetFetchResult {

	@Override
	public String toString() {
		return "FetchedAsset[" + this.url + ", " + this.contentType + ", " + this.bytes.length + " bytes, sha256="
				+ this.sha256 + "]";
	}

}
