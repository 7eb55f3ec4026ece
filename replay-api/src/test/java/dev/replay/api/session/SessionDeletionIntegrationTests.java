package dev.replay.api.session;

import java.net.http.HttpResponse;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class SessionDeletionIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	@Test
	void deletesSessionWithItsBytesAndAuditsIt(TestSessions sessions) {
		String sessionId = sessions.record();
		long number = this.jdbc.sql("select number from replay_session where id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select count(*) from segment where session_number = ?")
			.param(number)
			.query(Long.class)
			.single()).isPositive();
		this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		HttpResponse<String> deleted = this.users.send("DELETE", "/api/v1/sessions/" + sessionId,
				ReplayClient.ADMIN_BASIC, null);
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from segment where session_number = ?")
			.param(number)
			.query(Long.class)
			.single()).isZero();
		assertThat(count("select count(*) from watch_entry where session_id = ?", sessionId)).isZero();
		assertThat(count("select count(*) from audit_event where target_id = ? and action = 'session.deleted' "
				+ "and actor = 'admin'", sessionId))
			.isEqualTo(1);
	}

	@Test
	void refusesDeletionByEditor(TestSessions sessions) {
		String sessionId = sessions.record();
		HttpResponse<String> response = this.users.send("DELETE", "/api/v1/sessions/" + sessionId,
				this.users.create("editor").basic(), null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).statusCode()).isEqualTo(200);
	}

	@Test
	void answersDeletionOfUnknownSessionWith404() {
		assertThat(this.users.send("DELETE", "/api/v1/sessions/no-such-session", ReplayClient.ADMIN_BASIC, null)
			.statusCode()).isEqualTo(404);
	}

	private long count(String sql, String sessionId) {
		return this.jdbc.sql(sql).param(sessionId).query(Long.class).single();
	}

}
