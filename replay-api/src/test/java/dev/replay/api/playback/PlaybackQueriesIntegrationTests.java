package dev.replay.api.playback;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.timeline.SessionIndexer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a playback reads the session and its keyframe in one query and streams the
 * segments in one more, however many segments the session has. Every statement the
 * application runs goes through a recording data source; the background indexer is off,
 * so that the statements of a request are the only ones but for the scheduled jobs'.
 */
@ReplayIntegrationTest
@TestPropertySource(properties = "replay.timeline.enabled=false")
@Import(PlaybackQueriesIntegrationTests.StatementLogConfiguration.class)
class PlaybackQueriesIntegrationTests {

	ReplayClient client;

	@Autowired
	StatementLog log;

	@Autowired
	SessionIndexer indexer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensAPlaybackWithOneQueryAndStreamsAllItsSegmentsInAnother() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "css-animation");
		assertThat(segments(sessionId)).isEqualTo(11);
		List<Executed> statements = this.log.during(() -> this.client.getAsAdmin(events(sessionId)));
		assertRecordingReadIn(statements, 2);
		assertThat(streamingRead(statements).sql()).contains("join segment");
	}

	@Test
	void opensAPlaybackFromAKeyframeWithTheSameTwoReads() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "dashboard");
		this.indexer.index(sessionId);
		long duration = RrwebCorpus.manifest("dashboard").path("durationMs").asLong();
		List<Executed> statements = this.log
			.during(() -> this.client.getAsAdmin(events(sessionId) + "?from=" + (duration * 3 / 4)));
		assertThat(statements).anySatisfy((statement) -> assertThat(statement.sql()).contains("keyframe"));
		assertRecordingReadIn(statements, 2);
	}

	@Test
	void runsAsManyStatementsForASessionOfFourSegmentsAsForOneOfEleven() throws Exception {
		String few = RrwebCorpus.ingest(this.client, "errors-console");
		String many = RrwebCorpus.ingest(this.client, "css-animation");
		assertThat(segments(few)).isEqualTo(4);
		this.client.getAsAdmin(events(few));
		List<Executed> ofFew = this.log.during(() -> this.client.getAsAdmin(events(few)));
		List<Executed> ofMany = this.log.during(() -> this.client.getAsAdmin(events(many)));
		assertThat(ofMany).hasSameSizeAs(ofFew);
	}

	@Test
	void streamsTheSegmentsOfADatadogSessionInOneRead() throws Exception {
		String folder = "spa-router";
		String sessionId = DatadogRecordings.ingestBrowser(this.client, folder);
		assertThat(segments(sessionId)).isEqualTo(TestCorpus.browserManifest(folder).path("segments").asLong())
			.isGreaterThan(2);
		List<Executed> statements = this.log.during(() -> this.client.getAsAdmin(events(sessionId)));
		assertRecordingReadIn(statements, 2);
	}

	private static void assertRecordingReadIn(List<Executed> statements, int reads) {
		assertThat(statements.stream().filter(Executed::readsRecording)).hasSize(reads);
		Executed segments = streamingRead(statements);
		assertThat(segments.fetchSize()).isPositive();
		// PostgreSQL's driver fetches rows in batches only inside a transaction
		assertThat(segments.autoCommit()).isFalse();
	}

	private static Executed streamingRead(List<Executed> statements) {
		return statements.stream()
			.filter((statement) -> statement.sql().contains("join segment") && statement.sql().contains("body"))
			.reduce((first, second) -> {
				throw new AssertionError("More than one read of segment bodies: " + statements);
			})
			.orElseThrow(() -> new AssertionError("No read of segment bodies: " + statements));
	}

	private long segments(String sessionId) {
		return this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private static String events(String sessionId) {
		return "/api/v1/sessions/" + sessionId + "/events";
	}

	/**
	 * A statement the application executed.
	 *
	 * @param sql its SQL
	 * @param fetchSize the rows it fetched per round trip, 0 for all at once
	 * @param autoCommit whether its connection committed each statement
	 */
	record Executed(String sql, int fetchSize, boolean autoCommit) {

		boolean readsRecording() {
			String text = this.sql.toLowerCase(Locale.ROOT);
			return (text.startsWith("select") || text.startsWith("with"))
					&& (text.contains(" segment") || text.contains("keyframe") || text.contains("replay_session"));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StatementLogConfiguration {

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

	/**
	 * Wraps the application's data source so that every statement executed on a thread
	 * other than the scheduler's is noted, with its fetch size.
	 */
	static class StatementLog implements BeanPostProcessor {

		private final List<Executed> executed = new CopyOnWriteArrayList<>();

		// this context's pool comes on top of the shared context's, on the same server
		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource pool) {
				pool.setMaximumPoolSize(3);
			}
			return bean;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof DataSource dataSource) {
				return new DelegatingDataSource(dataSource) {

					@Override
					public Connection getConnection() throws SQLException {
						return connection(super.getConnection());
					}

				};
			}
			return bean;
		}

		/**
		 * The statements executed while a request is answered.
		 * @param request sends the request and waits for the whole response
		 * @return the statements, in the order they were executed
		 */
		List<Executed> during(Supplier<HttpResponse<String>> request) {
			this.executed.clear();
			HttpResponse<String> response = request.get();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return List.copyOf(this.executed);
		}

		private Connection connection(Connection target) {
			return proxy(Connection.class, target, (method, args) -> {
				Object result = method.invoke(target, args);
				if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
					return statement(PreparedStatement.class, prepared, target, sql);
				}
				if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
					return statement(Statement.class, statement, target, null);
				}
				return result;
			});
		}

		private <S extends Statement> S statement(Class<S> type, S target, Connection connection, String prepared) {
			return proxy(type, target, (method, args) -> {
				if (method.getName().startsWith("execute") || method.getName().equals("addBatch")) {
					String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : prepared;
					if (sql != null && !Thread.currentThread().getName().startsWith("scheduling-")) {
						this.executed.add(new Executed(sql.strip(), target.getFetchSize(), connection.getAutoCommit()));
					}
				}
				return method.invoke(target, args);
			});
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target, Call call) {
			InvocationHandler handler = (proxy, method, args) -> {
				try {
					return call.invoke(method, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			};
			return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler);
		}

		@FunctionalInterface
		private interface Call {

			Object invoke(Method method, Object[] args) throws Throwable;

		}

	}

}
