package dev.replay.api.audit;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ReplayIntegrationTest
class AuditIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	ReplayClient client;

	TestUsers users;

	@Test
	void refusesUpdateOfAuditEvents() {
		long id = insertEvent();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> executeRaw("update audit_event set actor = 'mallory' where id = " + id))
			.withMessageContaining("append-only");
	}

	@Test
	void refusesDeleteOfAuditEvents() {
		long id = insertEvent();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> executeRaw("delete from audit_event where id = " + id))
			.withMessageContaining("append-only");
	}

	@Test
	void refusesTruncateOfAuditEvents() {
		insertEvent();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> executeRaw("truncate audit_event"))
			.withMessageContaining("append-only");
	}

	@Test
	void pagesThroughEventsOfOneActorWithCursor() {
		TestUser viewer = this.users.create("viewer");
		this.users.tokenFor(viewer);
		this.users.tokenFor(viewer);
		this.users.tokenFor(viewer);
		JsonNode first = list("/api/v1/audit-events?actor=" + viewer.username() + "&limit=2");
		assertThat(first.path("items")).hasSize(2);
		JsonNode second = list("/api/v1/audit-events?actor=" + viewer.username() + "&limit=2&cursor="
				+ first.path("nextCursor").asString());
		assertThat(second.path("items")).hasSize(1);
		assertThat(second.path("nextCursor").isNull()).isTrue();
		assertThat(second.path("items").get(0).path("action").asString()).isEqualTo("api-token.created");
	}

	@Test
	void filtersEventsByTime() {
		TestUser viewer = this.users.create("viewer");
		this.users.tokenFor(viewer);
		JsonNode future = list("/api/v1/audit-events?actor=" + viewer.username() + "&from=2999-01-01T00:00:00Z");
		assertThat(future.path("items")).isEmpty();
		JsonNode past = list("/api/v1/audit-events?actor=" + viewer.username() + "&to=2999-01-01T00:00:00Z"
				+ "&action=api-token.created&targetType=api-token");
		assertThat(past.path("items")).hasSize(1);
	}

	@Test
	void exportsEventsAsNdjson() {
		TestUser viewer = this.users.create("viewer");
		this.users.tokenFor(viewer);
		this.users.tokenFor(viewer);
		HttpResponse<String> export = this.client.getAsAdmin("/api/v1/audit-events/export?actor=" + viewer.username());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		List<JsonNode> lines = export.body().lines().map(ReplayClient::json).toList();
		assertThat(lines).hasSize(2)
			.allSatisfy((line) -> assertThat(line.path("action").asString()).isEqualTo("api-token.created"));
		assertThat(list("/api/v1/audit-events?action=audit.exported&actor=admin").path("items")).isNotEmpty();
	}

	private JsonNode list(String path) {
		HttpResponse<String> response = this.client.getAsAdmin(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return ReplayClient.json(response.body());
	}

	private void executeRaw(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long insertEvent() {
		return this.jdbc
			.sql("insert into audit_event (actor, action, target_type) values ('test', 'test.done', 'test') "
					+ "returning id")
			.query(Long.class)
			.single();
	}

}
