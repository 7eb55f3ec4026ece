package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * A table whose rows each hold one part in its own object, as {@link RowsOfOneObjectEach}
 * moves them.
 *
 * @param kind what its parts are, for the log and the progress report
 * @param name the table
 * @param key the column that, with {@code application_id}, identifies a row
 * @param objectKind what the objects hold
 */
@NamedInterface("api")
public record PartsTable(String kind, String name, String key, ObjectKind objectKind) {

}
