package dev.replay.api.security;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class UserIntegrationTests {

	ReplayClient client;

	TestUsers users;

	@Test
	void createsListsChangesAndDeletesUsersWithAuditEvents() {
		TestUser user = this.users.create("viewer");
		assertThat(this.client.getAsAdmin("/api/v1/users").body()).contains(user.username());
		HttpResponse<String> changed = this.users.send("PATCH", "/api/v1/users/" + user.id(), ReplayClient.ADMIN_BASIC,
				Map.of("role", "editor"));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(changed.body()).path("role").asString()).isEqualTo("editor");
		assertThat(this.client.get("/api/v1/me", user.basic()).body()).contains("\"role\":\"editor\"");
		assertThat(this.users.send("DELETE", "/api/v1/users/" + user.id(), ReplayClient.ADMIN_BASIC, null).statusCode())
			.isEqualTo(204);
		assertThat(this.client.get("/api/v1/me", user.basic()).statusCode()).isEqualTo(401);
		JsonNode events = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?targetType=user&targetId=" + user.id()).body())
			.path("items");
		assertThat(events.valueStream().map((event) -> event.path("action").asString())).containsExactly("user.deleted",
				"user.role-changed", "user.created");
		assertThat(events.get(0).path("actor").asString()).isEqualTo("admin");
	}

	@Test
	void refusesDuplicateUsername() {
		TestUser user = this.users.create("viewer");
		HttpResponse<String> again = this.client.postJsonAsAdmin("/api/v1/users",
				Map.of("username", user.username(), "password", TestUsers.PASSWORD, "role", "admin"));
		assertProblem(again, 409, "user-exists");
	}

	@Test
	void answersUnknownUserWithNotFoundProblem() {
		HttpResponse<String> response = this.users.send("DELETE", "/api/v1/users/" + java.util.UUID.randomUUID(),
				ReplayClient.ADMIN_BASIC, null);
		assertProblem(response, 404, "user-not-found");
	}

	@Test
	void refusesAdminDeletingThemselves() {
		TestUser admin = this.users.create("admin");
		HttpResponse<String> response = this.users.send("DELETE", "/api/v1/users/" + admin.id(), admin.basic(), null);
		assertProblem(response, 409, "self-change");
	}

	@Test
	void refusesShortPassword() {
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/users",
				Map.of("username", "short-password", "password", "short", "role", "viewer"));
		assertThat(response.statusCode()).isEqualTo(400);
	}

	static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/" + type);
	}

}
