package dev.replay.core.asset;

/**
 * A URL that a recorded page loaded an asset from.
 *
 * @param url the absolute {@code http} or {@code https} URL, without fragment, as written
 * in the recording when it was absolute there
 * @param kind what the page used it for
 */
public record AssetReference(String url, AssetKind kind) {

}
