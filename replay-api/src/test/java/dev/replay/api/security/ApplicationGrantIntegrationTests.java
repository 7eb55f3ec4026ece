package dev.replay.api.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Granting users every application or a list of them, and what a grant lets them see.
 */
@ReplayIntegrationTest
class ApplicationGrantIntegrationTests {

	@Autowired
	ApplicationGrants grants;

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	TestSessions a;

	TestSessions b;

	@Test
	void newUsersAreGrantedEveryApplicationAndSeeIt() {
		TestUser viewer = this.users.create("viewer");
		assertThat(userInList(viewer).path("applications").asString()).isEqualTo("all");
		assertThat(me(viewer).path("applications").asString()).isEqualTo("all");
		String sessionOfB = this.b.record();
		assertThat(this.client.get("/api/v1/sessions/" + sessionOfB, viewer.basic()).statusCode()).isEqualTo(200);
	}

	@Test
	void theMigrationGrantsEveryApplicationToExistingUsers() {
		assertThat(this.jdbc.sql("select count(*) from app_user where not all_applications and username = 'admin'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select column_default from information_schema.columns"
					+ " where table_name = 'app_user' and column_name = 'all_applications'")
			.query(String.class)
			.single()).isEqualTo("true");
	}

	@Test
	void anAdminGrantsAListOfApplicationsShownInTheUserAndMeAndAudited() {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> changed = patch(viewer, Map.of("applications", List.of(this.a.applicationId())));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(ReplayClient.json(changed.body()).path("applications").get(0).asString())
			.isEqualTo(this.a.applicationId().toString());
		assertThat(ReplayClient.json(changed.body()).path("role").asString()).isEqualTo("viewer");
		assertThat(userInList(viewer).path("applications")).hasSize(1);
		assertThat(me(viewer).path("applications").get(0).asString()).isEqualTo(this.a.applicationId().toString());
		JsonNode audit = ReplayClient.json(
				this.client.getAsAdmin("/api/v1/audit-events?action=user.applications-changed&targetId=" + viewer.id())
					.body());
		assertThat(audit.path("items")).hasSize(1);
		HttpResponse<String> all = patch(viewer, Map.of("applications", "all"));
		assertThat(ReplayClient.json(all.body()).path("applications").asString()).isEqualTo("all");
	}

	@Test
	void roleAndApplicationsChangeTogetherOrAlone() {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> both = patch(viewer,
				Map.of("role", "editor", "applications", List.of(this.b.applicationId())));
		assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
		JsonNode user = ReplayClient.json(both.body());
		assertThat(user.path("role").asString()).isEqualTo("editor");
		assertThat(user.path("applications").get(0).asString()).isEqualTo(this.b.applicationId().toString());
		JsonNode roleOnly = ReplayClient.json(patch(viewer, Map.of("role", "viewer")).body());
		assertThat(roleOnly.path("applications").get(0).asString()).isEqualTo(this.b.applicationId().toString());
	}

	@Test
	void refusesUnknownApplicationsAndOtherValuesWithProblems() {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> unknown = patch(viewer, Map.of("applications", List.of(UUID.randomUUID())));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(ReplayClient.json(unknown.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/unknown-application");
		for (Object bad : List.of("some", 3, List.of("not-a-uuid"), List.of(3), Map.of("all", true))) {
			HttpResponse<String> response = patch(viewer, Map.of("applications", bad));
			assertThat(response.statusCode()).as(bad + ": " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		HttpResponse<String> empty = patch(viewer, Map.of());
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(userInList(viewer).path("applications").asString()).isEqualTo("all");
	}

	@Test
	void anEmptyListGrantsNothing() {
		TestUser viewer = this.users.create("viewer");
		String sessionOfA = this.a.record();
		assertThat(patch(viewer, Map.of("applications", List.of())).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/api/v1/sessions/" + sessionOfA, viewer.basic()).statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(this.client.get("/api/v1/sessions", viewer.basic()).body()).path("items"))
			.isEmpty();
	}

	@Test
	void aGrantedUserFindsOnlyTheSessionsOfTheirApplications() {
		TestUser viewer = this.users.create("viewer");
		String sessionOfA = this.a.record();
		String sessionOfB = this.b.record();
		patch(viewer, Map.of("applications", List.of(this.a.applicationId())));
		JsonNode listed = ReplayClient.json(this.client.get("/api/v1/sessions?limit=200", viewer.basic()).body());
		List<String> ids = listed.path("items").valueStream().map((item) -> item.path("id").asString()).toList();
		assertThat(ids).contains(sessionOfA).doesNotContain(sessionOfB);
		assertThat(listed.path("items").valueStream().map((item) -> item.path("applicationId").asString()))
			.containsOnly(this.a.applicationId().toString());
		HttpResponse<String> filtered = this.client.get("/api/v1/sessions?applicationId=" + this.b.applicationId(),
				viewer.basic());
		assertThat(ReplayClient.json(filtered.body()).path("items")).isEmpty();
		HttpResponse<String> missing = this.client.get("/api/v1/sessions/" + sessionOfB, viewer.basic());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(missing.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/session-not-found");
	}

	@Test
	void aPlaylistItemOutsideTheGrantCannotBeRemovedByItsOwner() {
		TestUser editor = this.users.create("editor");
		String sessionOfB = this.b.record();
		HttpResponse<String> created = this.users.send("POST", "/api/v1/playlists", editor.basic(),
				Map.of("name", "Kept"));
		long playlist = ReplayClient.json(created.body()).path("id").asLong();
		String items = "/api/v1/playlists/" + playlist + "/items";
		assertThat(this.users.send("POST", items, editor.basic(), Map.of("sessionId", sessionOfB)).statusCode())
			.isEqualTo(201);
		patch(editor, Map.of("applications", List.of(this.a.applicationId())));

		HttpResponse<String> removed = this.users.send("DELETE", items + "/" + sessionOfB, editor.basic(), null);

		assertThat(removed.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(this.client.getAsAdmin(items).body()).toString()).contains(sessionOfB);
	}

	@Test
	void adminsSeeEveryApplicationWhateverIsStored() {
		TestUser admin = this.users.create("admin");
		this.grants.grant(admin.id(), ApplicationGrant.of(List.of(this.a.applicationId())));
		String sessionOfB = this.b.record();
		assertThat(this.client.get("/api/v1/sessions/" + sessionOfB, admin.basic()).statusCode()).isEqualTo(200);
		assertThat(userInList(admin).path("applications").asString()).isEqualTo("all");
		assertThat(me(admin).path("applications").asString()).isEqualTo("all");
	}

	@Test
	void theGrantCanBeSetFromCodeForSingleSignOnAndAppliesToTheNextRequest() {
		TestUser viewer = this.users.create("viewer");
		String sessionOfB = this.b.record();
		assertThat(this.client.get("/api/v1/sessions/" + sessionOfB, viewer.basic()).statusCode()).isEqualTo(200);
		this.grants.grant(viewer.id(), ApplicationGrant.of(List.of(this.a.applicationId())));
		assertThat(this.grants.grantOf(viewer.id())).isEqualTo(ApplicationGrant.of(List.of(this.a.applicationId())));
		assertThat(this.client.get("/api/v1/sessions/" + sessionOfB, viewer.basic()).statusCode()).isEqualTo(404);
	}

	@Test
	void aDeletedApplicationLeavesTheGrantWithoutIt() {
		TestUser viewer = this.users.create("viewer");
		patch(viewer, Map.of("applications", List.of(this.a.applicationId(), this.b.applicationId())));
		this.jdbc.sql("delete from application where id = ?").param(this.b.applicationId()).update();
		assertThat(this.grants.grantOf(viewer.id()).applicationIds()).containsExactly(this.a.applicationId());
	}

	private HttpResponse<String> patch(TestUser user, Map<String, ?> body) {
		return this.users.send("PATCH", "/api/v1/users/" + user.id(), ReplayClient.ADMIN_BASIC, body);
	}

	private JsonNode userInList(TestUser user) {
		JsonNode list = ReplayClient.json(this.client.getAsAdmin("/api/v1/users").body());
		return list.valueStream()
			.filter((candidate) -> candidate.path("id").asString().equals(user.id().toString()))
			.findFirst()
			.orElseThrow();
	}

	private JsonNode me(TestUser user) {
		return ReplayClient.json(this.client.get("/api/v1/me", user.basic()).body());
	}

}
