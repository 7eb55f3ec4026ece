package dev.replay.ingest.resource;

import org.springframework.modulith.NamedInterface;

/**
 * An image that a recording refers to.
 *
 * @param contentType its media type, sniffed from its bytes
 * @param bytes the image
 */
@NamedInterface("api")
public record SessionResource(String contentType, byte[] bytes) {

}
