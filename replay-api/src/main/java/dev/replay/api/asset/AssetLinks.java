package dev.replay.api.asset;

import org.springframework.modulith.NamedInterface;

/**
 * Where the player loads a captured asset from: the events it plays name captured assets
 * by these links instead of their original URLs.
 */
@NamedInterface("api")
public final class AssetLinks {

	static final String PATH = "/api/v1/assets/";

	private AssetLinks() {
	}

	/**
	 * The link to a captured asset.
	 * @param sha256 the SHA-256 of its content
	 * @return the path that serves it
	 */
	public static String of(String sha256) {
		return PATH + sha256;
	}

	/**
	 * The link to a captured asset of a shared session, under its share link's address.
	 * @param linkBase the share link's address, ending with a slash
	 * @param sha256 the SHA-256 of the asset's content
	 * @return the path that serves it to whoever holds the link
	 */
	public static String underLink(String linkBase, String sha256) {
		return linkBase + "assets/" + sha256;
	}

}
