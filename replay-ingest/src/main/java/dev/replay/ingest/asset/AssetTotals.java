package dev.replay.ingest.asset;

import org.springframework.modulith.NamedInterface;

/**
 * How many captured assets are stored, of all applications, wherever their bytes are.
 *
 * @param count the distinct contents stored, one per application and SHA-256
 * @param bytes their sizes summed
 */
@NamedInterface("api")
public record AssetTotals(long count, long bytes) {

}
