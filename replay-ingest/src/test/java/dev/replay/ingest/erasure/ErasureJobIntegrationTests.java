package dev.replay.ingest.erasure;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.TestcontainersConfiguration;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.segment.SessionCompaction;
import dev.replay.ingest.segment.SessionTombstones;
import dev.replay.ingest.storage.RecordingStorage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure job in batches: interrupted after one batch, a new job (as after a restart)
 * goes on from what the erasure row says and completes it; sessions of other people and
 * of other applications stay.
 */
@SpringBootTest(properties = { "replay.erasure.enabled=false", "replay.erasure.batch-size=2",
		"replay.retention.enabled=false", "replay.timeline.enabled=false" })
@Import(TestcontainersConfiguration.class)
@RecordApplicationEvents
class ErasureJobIntegrationTests {

	@Autowired
	ApplicationRegistry registry;

	@Autowired
	PersonErasures erasures;

	@Autowired
	ErasureJob job;

	@Autowired
	ErasureStore store;

	@Autowired
	ErasureProperties properties;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	SessionTombstones tombstones;

	@Autowired
	SessionCompaction compaction;

	@Autowired
	RecordingStorage storage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aJobInterruptedAfterOneBatchIsCompletedByTheNextOne() {
		UUID application = this.registry.createApplication("erased in batches", null).application().id();
		UUID other = this.registry.createApplication("not named", null).application().id();
		String person = "person-" + UUID.randomUUID();
		List<String> sessions = List.of(person + "-a", person + "-b", person + "-c", person + "-d");
		sessions.forEach((id) -> insertSession(id, application, person));
		insertSession(person + "-elsewhere", other, person);
		insertSession(person + "-someone-else", application, "someone else");
		insertRumOnlySession(person + "-rum-only", application, person);

		Erasure requested = this.erasures.request(ErasureSubject.userId(person), application, "an admin");
		assertThat(requested.status()).isEqualTo(ErasureStatus.QUEUED);
		assertThat(requested.sessionsFound()).isEqualTo(5);

		assertThat(this.job.runBatch()).isTrue();
		Erasure interrupted = this.erasures.find(requested.id());
		assertThat(interrupted.status()).isEqualTo(ErasureStatus.RUNNING);
		assertThat(interrupted.sessionsErased()).isEqualTo(2);
		assertThat(remaining(person, application)).isEqualTo(3);
		assertThat(this.jdbc.sql("select subject from erasure where id = ?")
			.param(requested.id())
			.query(String.class)
			.single()).isEqualTo(person);

		// a new job knows nothing but the table
		ErasureJob restarted = new ErasureJob(this.store, this.properties, this.transactions, this.publisher,
				this.tombstones, this.compaction, this.storage);
		assertThat(restarted.runAll()).isEqualTo(3);

		Erasure completed = this.erasures.find(requested.id());
		assertThat(completed.status()).isEqualTo(ErasureStatus.COMPLETED);
		assertThat(completed.sessionsErased()).isEqualTo(5);
		assertThat(completed.batches()).isEqualTo(3);
		assertThat(completed.completedAt()).isNotNull();
		assertThat(remaining(person, application)).isZero();
		assertThat(this.jdbc.sql("select count(*) from erasure where id = ? and subject is null")
			.param(requested.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number "
					+ "where r.id like ? and r.application_id = ?")
			.params(person + "%", application)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select id from replay_session where id like ?")
			.param(person + "%")
			.query(String.class)
			.list()).containsExactlyInAnyOrder(person + "-elsewhere", person + "-someone-else");
		sessions.forEach((id) -> assertThat(this.tombstones.isBuried(id)).isTrue());
		assertThat(this.tombstones.isBuried(person + "-rum-only")).isTrue();
		assertThat(this.tombstones.isBuried(person + "-elsewhere")).isFalse();
		assertThat(this.events.stream(ErasureCompleted.class).filter((e) -> e.erasureId().equals(requested.id())))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.sessionsErased()).isEqualTo(5);
				assertThat(event.requestedBy()).isEqualTo("an admin");
			});
		assertThat(this.job.runAll()).isZero();
	}

	@Test
	void findsAPersonByEmailIgnoringCaseInEveryApplication() {
		UUID first = this.registry.createApplication("first of two", null).application().id();
		UUID second = this.registry.createApplication("second of two", null).application().id();
		String email = "Mixed.Case-" + UUID.randomUUID() + "@Example.com";
		insertSession("email-a-" + email, first, null);
		this.jdbc.sql("update replay_session set user_email = ? where id = ?")
			.params(email, "email-a-" + email)
			.update();
		insertSession("email-b-" + email, second, null);
		this.jdbc.sql("update replay_session set user_email = ? where id = ?")
			.params(email.toUpperCase(java.util.Locale.ROOT), "email-b-" + email)
			.update();

		Erasure requested = this.erasures.request(ErasureSubject.email(email.toLowerCase(java.util.Locale.ROOT)), null,
				"an admin");
		assertThat(requested.sessionsFound()).isEqualTo(2);
		this.job.runAll();

		assertThat(this.erasures.find(requested.id()).sessionsErased()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from replay_session where id like ?")
			.param("email-%" + email)
			.query(Long.class)
			.single()).isZero();
	}

	private long remaining(String person, UUID application) {
		return this.jdbc.sql("""
				select (select count(*) from replay_session where user_id = :person and application_id = :application)
				     + (select count(*) from rum_session where user_id = :person and application_id = :application)""")
			.param("person", person)
			.param("application", application)
			.query(Long.class)
			.single();
	}

	private void insertSession(String id, UUID application, String userId) {
		this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at, user_id)
				values (?, ?, 'browser', now(), now(), ?)""").params(id, application, userId).update();
		this.jdbc.sql("""
				insert into segment (session_number, dedup_hash, format, encoding, first_event_at, last_event_at, body)
				select number, 1, 'rrweb', 'identity', started_at, ended_at, '[]'::bytea
				from replay_session where id = ?""").param(id).update();
	}

	private void insertRumOnlySession(String id, UUID application, String userId) {
		this.jdbc.sql("""
				insert into rum_session (session_id, application_id, first_event_ms, last_event_ms, user_id)
				values (?, ?, 0, 1, ?)""").params(id, application, userId).update();
		this.jdbc.sql("""
				insert into rum_event (session_id, application_id, origin, type, time_ms, raw)
				values (?, ?, 'datadog', 'view', 1, '{}'::jsonb)""").params(id, application).update();
	}

}
