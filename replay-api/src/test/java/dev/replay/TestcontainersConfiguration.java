package dev.replay;

import javax.sql.DataSource;

import dev.replay.ingest.testsupport.TestDatabase;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the application at the fresh PostgreSQL database of this test run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	@Bean
	DataSource dataSource() {
		return TestDatabase.dataSource();
	}

}
