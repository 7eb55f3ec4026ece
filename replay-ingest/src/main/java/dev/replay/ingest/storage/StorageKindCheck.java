package dev.replay.ingest.storage;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stops the start-up of an instance that would keep recorded bytes in PostgreSQL rows on
 * a database whose rows point into an object store: it could not read them, and its jobs
 * would work on every session of the database (ADR 0023).
 */
@Component
class StorageKindCheck implements InitializingBean {

	private final StorageProperties properties;

	private final JdbcClient jdbc;

	StorageKindCheck(StorageProperties properties, JdbcClient jdbc) {
		this.properties = properties;
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.properties.kind() != StorageKind.POSTGRES) {
			return;
		}
		long objects = this.jdbc.sql("select count(*) from stored_object").query(Long.class).single();
		if (objects > 0) {
			throw new IllegalStateException("This database's recordings point into " + objects
					+ " objects of an object store, which replay.storage.kind=postgres cannot read. Start with "
					+ "replay.storage.kind=s3 and the replay.storage.s3.* settings of the instances that wrote them.");
		}
	}

}
