package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * An item read with the bytes of its stored part.
 *
 * @param <T> the type of the item
 * @param item the item
 * @param bytes its bytes
 */
@NamedInterface("api")
public record Loaded<T>(T item, byte[] bytes) {

}
