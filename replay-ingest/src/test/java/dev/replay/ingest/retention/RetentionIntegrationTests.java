package dev.replay.ingest.retention;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.retention.RetentionJob.RetentionReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention over thousands of sessions spread across three months and two applications
 * with different retentions, in batches, keeping what is held.
 */
@SpringBootTest(properties = { "replay.retention.enabled=false", "replay.retention.batch-size=100",
		"replay.timeline.enabled=false" })
@Import(TestcontainersConfiguration.class)
@RecordApplicationEvents
class RetentionIntegrationTests {

	private static final int SESSIONS_PER_APPLICATION = 1500;

	@Autowired
	ApplicationRegistry registry;

	@Autowired
	RetentionJob job;

	@Autowired
	SessionHolds holds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void deletesWhatIsPastEachApplicationsRetentionAndKeepsWhatIsHeld() {
		UUID month = this.registry.createApplication("kept a month", null).application().id();
		UUID week = this.registry.createApplication("kept a week", null).application().id();
		this.registry.changeRetention(week, 7);
		// session i of an application was received i % 90 days and a few hours ago; the
		// indexer
		// has
		// nothing to do with these stand-in segments
		insertSessions(month, "m");
		insertSessions(week, "w");
		// two holders hold five expired sessions of the first application, one of them
		// twice; a third held one and released it
		List<String> pinned = List.of("m-40", "m-41", "m-42", "m-89", "m-179");
		this.holds.hold("playlist:1", pinned.subList(0, 3));
		this.holds.hold("playlist:2", pinned.subList(2, 5));
		this.holds.hold("playlist:3", List.of("m-43", "m-44"));
		this.holds.releaseAll("playlist:3");
		long oldRumBatch = insertRumBatch(month, 60, "m-60");
		long pinnedRumBatch = insertRumBatch(month, 60, "m-40");
		long freshRumBatch = insertRumBatch(month, 1, "m-1");
		insertRumSession(month, "rum-only-old", 45);
		insertRumSession(month, "rum-only-new", 2);
		insertRumSession(month, "m-50", 50);
		this.jdbc.sql(
				"insert into intake_request (application_id, request_id, received_at) values (?, 'old', now() - interval '8 days'), (?, 'new', now())")
			.params(month, month)
			.update();
		long expiredMonth = count(
				"select count(*) from replay_session where application_id = ? and received_at < now() - interval '30 days'",
				month);
		long expiredWeek = count(
				"select count(*) from replay_session where application_id = ? and received_at < now() - interval '7 days'",
				week);
		assertThat(expiredMonth).isGreaterThan(900);
		assertThat(expiredWeek).isGreaterThan(1300);

		RetentionReport report = this.job.pass();

		assertThat(report.sessions()).isEqualTo(expiredMonth - pinned.size() + expiredWeek);
		assertThat(count(
				"select count(*) from replay_session where application_id = ? and received_at < now() - interval '30 days'",
				month))
			.isEqualTo(pinned.size());
		assertThat(this.jdbc
			.sql("select id from replay_session where application_id = ? and received_at < now() - interval '30 days'")
			.param(month)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(pinned);
		assertThat(count(
				"select count(*) from replay_session where application_id = ? and received_at < now() - interval '7 days'",
				week))
			.isZero();
		assertThat(count("select count(*) from replay_session where application_id = ?", month))
			.isEqualTo(SESSIONS_PER_APPLICATION - expiredMonth + pinned.size());
		assertThat(count(
				"select count(*) from segment s join replay_session r on r.number = s.session_number where r.application_id = ?",
				week))
			.isEqualTo(2 * (SESSIONS_PER_APPLICATION - expiredWeek));
		assertThat(
				count("select count(*) from segment where session_number not in (select number from replay_session)"))
			.isZero();
		assertThat(rumBatchExists(oldRumBatch)).isFalse();
		assertThat(rumBatchExists(pinnedRumBatch)).isTrue();
		assertThat(rumBatchExists(freshRumBatch)).isTrue();
		assertThat(this.jdbc.sql("select session_id from rum_session").query(String.class).list())
			.containsExactlyInAnyOrder("rum-only-new");
		assertThat(this.jdbc.sql("select request_id from intake_request").query(String.class).list())
			.containsExactly("new");

		List<SessionsExpired> published = this.events.stream(SessionsExpired.class).toList();
		assertThat(published).allSatisfy((batch) -> assertThat(batch.sessionIds()).hasSizeBetween(1, 100));
		assertThat(published.stream().mapToLong((batch) -> batch.sessionIds().size()).sum())
			.isEqualTo(report.sessions());

		RetentionReport again = this.job.pass();
		assertThat(again.sessions()).isZero();
	}

	@Test
	void expiresASessionOnceItsLastHolderReleasesIt() {
		UUID application = this.registry.createApplication("released", null).application().id();
		this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at, received_at)
				values ('held-twice', ?, 'browser', now() - interval '40 days', now() - interval '40 days',
				        now() - interval '40 days')""").param(application).update();
		this.holds.hold("playlist:7", List.of("held-twice"));
		this.holds.hold("playlist:7", List.of("held-twice"));
		this.holds.hold("playlist:8", List.of("held-twice"));

		this.holds.release("playlist:7", List.of("held-twice", "never-held"));
		this.job.pass();
		assertThat(sessionsOf(application)).containsExactly("held-twice");

		this.holds.release("playlist:8", List.of("held-twice"));
		this.job.pass();
		assertThat(sessionsOf(application)).isEmpty();
	}

	@Test
	void releasesTheHoldsOfADeletedSession() {
		UUID application = this.registry.createApplication("deleted while held", null).application().id();
		this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at)
				values ('deleted-held', ?, 'browser', now(), now())""").param(application).update();
		this.holds.hold("playlist:9", List.of("deleted-held"));

		this.jdbc.sql("delete from replay_session where id = 'deleted-held'").update();

		assertThat(count("select count(*) from session_hold where session_id = 'deleted-held'")).isZero();
	}

	@Test
	void countsFromTheReceiptNeverFromTheClientsDates() {
		UUID application = this.registry.createApplication("client clocks", null).application().id();
		// dated years ago by its client but received now: kept; dated in 2100 but
		// received
		// 40 days ago: deleted
		this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at)
				values ('dated-long-ago', ?, 'browser', '2019-01-01T00:00:00Z', '2019-01-01T00:10:00Z')""")
			.param(application)
			.update();
		this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at, received_at)
				values ('dated-2100', ?, 'browser', '2100-01-01T00:00:00Z', '2100-01-01T00:10:00Z',
				        now() - interval '40 days')""").param(application).update();

		this.job.pass();

		assertThat(this.jdbc.sql("select id from replay_session where application_id = ?")
			.param(application)
			.query(String.class)
			.list()).containsExactly("dated-long-ago");
	}

	private List<String> sessionsOf(UUID application) {
		return this.jdbc.sql("select id from replay_session where application_id = ?")
			.param(application)
			.query(String.class)
			.list();
	}

	private void insertSessions(UUID application, String prefix) {
		this.jdbc
			.sql("""
					insert into replay_session (id, application_id, source, started_at, ended_at, updated_at,
					                           indexed_version, received_at)
					select ? || '-' || i, ?, 'browser',
					       now() - make_interval(days => i % 90, hours => 3), now() - make_interval(days => i % 90, hours => 2),
					       now() - make_interval(days => i % 90, hours => 2), now() - make_interval(days => i % 90, hours => 2),
					       now() - make_interval(days => i % 90, hours => 2)
					from generate_series(0, ? - 1) i""")
			.params(prefix, application, SESSIONS_PER_APPLICATION)
			.update();
		this.jdbc.sql("""
				insert into segment (session_number, dedup_hash, format, encoding, first_event_at, last_event_at, body)
				select r.number, n, 'rrweb', 'identity', r.started_at, r.ended_at, '[]'::bytea
				from replay_session r cross join generate_series(0, 1) n
				where r.application_id = ?""").param(application).update();
	}

	private long insertRumBatch(UUID application, int daysAgo, String sessionId) {
		long id = this.jdbc.sql("""
				insert into rum_batch (application_id, track, encoding, received_bytes, line_count, skipped_lines, body,
				                       received_at)
				values (?, 'rum', 'identity', 2, 1, 0, '{}'::bytea, now() - make_interval(days => ?))
				returning id""").params(application, daysAgo).query(Long.class).single();
		this.jdbc.sql("insert into rum_batch_session (batch_id, session_id) values (?, ?)")
			.params(id, sessionId)
			.update();
		return id;
	}

	private void insertRumSession(UUID application, String sessionId, int daysAgo) {
		long last = System.currentTimeMillis() - daysAgo * 86_400_000L;
		this.jdbc.sql("""
				insert into rum_session (session_id, application_id, first_event_ms, last_event_ms)
				values (?, ?, ?, ?)""").params(sessionId, application, last - 60_000, last).update();
	}

	private boolean rumBatchExists(long id) {
		return count("select count(*) from rum_batch where id = ?", id) == 1;
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
