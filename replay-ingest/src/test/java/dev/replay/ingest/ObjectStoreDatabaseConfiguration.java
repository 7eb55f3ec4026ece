package dev.replay.ingest;

import javax.sql.DataSource;

import dev.replay.ingest.testsupport.TestDatabase;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points an application that keeps its bytes in the object store at this run's database
 * for such instances, so that the others never start on a database whose rows point into
 * objects.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ObjectStoreDatabaseConfiguration {

	@Bean
	DataSource dataSource() {
		return TestDatabase.forObjectStore().pooledDataSource();
	}

}
