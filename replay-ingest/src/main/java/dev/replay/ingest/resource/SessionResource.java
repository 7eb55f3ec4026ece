package dev.replay.ingest.resource;

/**
 * An image that a recording refers to.
 *
 * @param contentType its media type, sniffed from its bytes
 * @param bytes the image
 */
public record SessionResource(String contentType, byte[] bytes) {

}
