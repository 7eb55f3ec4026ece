package dev.replay;

import javax.sql.DataSource;

import dev.replay.ingest.testsupport.TestDatabase;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Points the application at the fresh PostgreSQL database of this test run, or, with
 * {@code replay.test.own-database=true}, at a fresh database of its own: for contexts
 * whose background jobs must not meet the data of the others (the capture of assets from
 * addresses only they allow, corpus sessions whose ids are fixed).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	/** Gives a context a database of its own. */
	public static final String OWN_DATABASE = "replay.test.own-database";

	@Bean
	DataSource dataSource(Environment environment) {
		if (environment.getProperty(OWN_DATABASE, Boolean.class, false)) {
			return TestDatabase.another().pooledDataSource();
		}
		return TestDatabase.dataSource();
	}

}
