package dev.replay.api.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing one's own password and resetting another user's, with the rules every password
 * follows: 12 characters or more, 72 bytes in UTF-8 at most (bcrypt's limit).
 */
@ReplayIntegrationTest
class PasswordIntegrationTests {

	// 36 characters, 72 bytes: as long as a password may be
	private static final String LONGEST = "é".repeat(36);

	// 37 characters, 74 bytes
	private static final String TOO_LONG = "é".repeat(37);

	ReplayClient client;

	TestUsers users;

	@Test
	void changesOwnPasswordGivenTheCurrentOne() {
		TestUser editor = this.users.create("editor");
		HttpResponse<String> change = changeOwn(editor, TestUsers.PASSWORD, LONGEST);
		assertThat(change.statusCode()).as(change.body()).isEqualTo(204);
		assertThat(this.client.get("/api/v1/me", editor.basic()).statusCode()).isEqualTo(401);
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(editor.username(), LONGEST)).statusCode())
			.isEqualTo(200);
		JsonNode events = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=user.password-changed&targetId=" + editor.id())
				.body())
			.path("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).path("actor").asString()).isEqualTo(editor.username());
		assertThat(events.get(0).toString()).doesNotContain(LONGEST).doesNotContain(TestUsers.PASSWORD);
	}

	@Test
	void refusesOwnPasswordChangeWithWrongCurrentPassword() {
		TestUser viewer = this.users.create("viewer");
		BrowserSessionIntegrationTests.assertProblem(changeOwn(viewer, "not-the-password", "a-brand-new-password"), 400,
				"wrong-password");
		assertThat(this.client.get("/api/v1/me", viewer.basic()).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesShortNewPasswords() {
		TestUser viewer = this.users.create("viewer");
		BrowserSessionIntegrationTests.assertProblem(changeOwn(viewer, TestUsers.PASSWORD, "too-short"), 400,
				"bad-request");
		BrowserSessionIntegrationTests.assertProblem(reset(viewer.id(), "too-short"), 400, "bad-request");
		assertThat(this.client.get("/api/v1/me", viewer.basic()).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesPasswordsLongerThanBcryptTakesWherePasswordsAreSet() {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> create = this.client.postJsonAsAdmin("/api/v1/users",
				Map.of("username", "long-" + System.nanoTime(), "password", TOO_LONG, "role", "viewer"));
		BrowserSessionIntegrationTests.assertProblem(create, 400, "password-too-long");
		assertThat(ReplayClient.json(create.body()).path("detail").asString()).contains("72 bytes");
		BrowserSessionIntegrationTests.assertProblem(changeOwn(viewer, TestUsers.PASSWORD, TOO_LONG), 400,
				"password-too-long");
		BrowserSessionIntegrationTests.assertProblem(reset(viewer.id(), TOO_LONG), 400, "password-too-long");
		BrowserSessionIntegrationTests.assertProblem(reset(viewer.id(), "x".repeat(73)), 400, "password-too-long");
		assertThat(this.client.get("/api/v1/me", viewer.basic()).statusCode()).isEqualTo(200);
		// and signing in with one is simply wrong, never an error
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(viewer.username(), TOO_LONG)).statusCode())
			.isEqualTo(401);
		assertThat(new BrowserSession(this.client).signIn(viewer.username(), TOO_LONG).statusCode()).isEqualTo(401);
	}

	@Test
	void adminResetsAnotherUsersPassword() {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> reset = reset(viewer.id(), "reset-by-the-admin");
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
		assertThat(this.client.get("/api/v1/me", viewer.basic()).statusCode()).isEqualTo(401);
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(viewer.username(), "reset-by-the-admin")).statusCode())
			.isEqualTo(200);
		JsonNode events = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=user.password-reset&targetId=" + viewer.id())
				.body())
			.path("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).path("actor").asString()).isEqualTo("admin");
	}

	@Test
	void answersResetOfUnknownUserWithNotFound() {
		BrowserSessionIntegrationTests.assertProblem(reset(UUID.randomUUID(), "a-brand-new-password"), 404,
				"user-not-found");
	}

	@Test
	void onlyAdminsResetPasswords() {
		TestUser editor = this.users.create("editor");
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> response = this.users.send("PUT", "/api/v1/users/" + viewer.id() + "/password",
				editor.basic(), Map.of("password", "a-brand-new-password"));
		BrowserSessionIntegrationTests.assertProblem(response, 403, "forbidden");
	}

	private HttpResponse<String> changeOwn(TestUser user, String current, String next) {
		return this.users.send("PUT", "/api/v1/me/password", user.basic(),
				Map.of("currentPassword", current, "newPassword", next));
	}

	private HttpResponse<String> reset(UUID user, String password) {
		return this.users.send("PUT", "/api/v1/users/" + user + "/password", ReplayClient.ADMIN_BASIC,
				Map.of("password", password));
	}

}
