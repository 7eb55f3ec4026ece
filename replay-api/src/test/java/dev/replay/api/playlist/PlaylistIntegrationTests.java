package dev.replay.api.playlist;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class PlaylistIntegrationTests {

	ReplayClient client;

	TestUsers users;

	TestSessions sessions;

	TestUser editor;

	@BeforeEach
	void createClients() {
		this.editor = this.users.create("editor");
	}

	@Test
	void createsRenamesDescribesAndDeletesPlaylist() {
		long id = create(this.editor, "Checkout errors");
		HttpResponse<String> renamed = this.users.send("PATCH", "/api/v1/playlists/" + id, this.editor.basic(),
				Map.of("name", "Checkout errors (Q1)", "description", "Sessions that hit a payment error"));
		assertThat(renamed.statusCode()).isEqualTo(200);
		JsonNode playlist = ReplayClient.json(this.client.get("/api/v1/playlists/" + id, this.editor.basic()).body());
		assertThat(playlist.path("name").asString()).isEqualTo("Checkout errors (Q1)");
		assertThat(playlist.path("description").asString()).isEqualTo("Sessions that hit a payment error");
		assertThat(playlist.path("ownerUsername").asString()).isEqualTo(this.editor.username());
		assertThat(this.users.send("DELETE", "/api/v1/playlists/" + id, this.editor.basic(), null).statusCode())
			.isEqualTo(204);
		assertProblem(this.client.get("/api/v1/playlists/" + id, this.editor.basic()), 404, "playlist-not-found");
	}

	@Test
	void refusesPlaylistCreationByViewer() {
		HttpResponse<String> response = this.users.send("POST", "/api/v1/playlists",
				this.users.create("viewer").basic(), Map.of("name", "mine"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void refusesChangesToAnotherUsersPlaylist() {
		long id = create(this.editor, "Not yours");
		TestUser other = this.users.create("editor");
		String sessionId = this.sessions.record();
		assertProblem(this.users.send("PATCH", "/api/v1/playlists/" + id, other.basic(), Map.of("name", "Mine now")),
				403, "playlist-not-owned");
		assertProblem(this.users.send("POST", "/api/v1/playlists/" + id + "/items", other.basic(),
				Map.of("sessionId", sessionId)), 403, "playlist-not-owned");
		assertProblem(this.users.send("DELETE", "/api/v1/playlists/" + id, other.basic(), null), 403,
				"playlist-not-owned");
		assertThat(this.client.get("/api/v1/playlists/" + id, other.basic()).statusCode()).isEqualTo(200);
		assertThat(this.users
			.send("PATCH", "/api/v1/playlists/" + id, ReplayClient.ADMIN_BASIC, Map.of("name", "Fixed by an admin"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void letsEveryUserReadPlaylists() {
		long id = create(this.editor, "Readable");
		TestUser viewer = this.users.create("viewer");
		assertThat(this.client.get("/api/v1/playlists/" + id, viewer.basic()).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/api/v1/playlists/" + id + "/items", viewer.basic()).statusCode()).isEqualTo(200);
	}

	@Test
	void listsMyPlaylistsAndSearchesByName() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		long mine = create(this.editor, "Rage clicks " + marker);
		long theirs = create(this.users.create("editor"), "rage CLICKS " + marker);
		assertThat(ids("/api/v1/playlists?q=" + marker)).containsExactlyInAnyOrder(mine, theirs);
		assertThat(ids("/api/v1/playlists?mine=true&q=" + marker)).containsExactly(mine);
		assertThat(ids("/api/v1/playlists?q=nothing-like-this-" + marker)).isEmpty();
	}

	@Test
	void pagesItemsInTheOrderAddedWithWhoAddedThem() {
		long id = create(this.editor, "Ordered");
		List<String> added = List.of(this.sessions.record(), this.sessions.record(), this.sessions.record());
		for (String sessionId : added) {
			assertThat(this.users
				.send("POST", "/api/v1/playlists/" + id + "/items", this.editor.basic(), Map.of("sessionId", sessionId))
				.statusCode()).isEqualTo(201);
		}
		JsonNode first = items(id, 0, 2);
		assertThat(first.path("totalItems").asLong()).isEqualTo(3);
		assertThat(sessionIds(first)).containsExactly(added.get(0), added.get(1));
		assertThat(first.path("items").get(0).path("addedBy").asString()).isEqualTo(this.editor.username());
		assertThat(first.path("items").get(0).path("addedAt").isNull()).isFalse();
		assertThat(sessionIds(items(id, 1, 2))).containsExactly(added.get(2));
		JsonNode playlist = ReplayClient.json(this.client.get("/api/v1/playlists/" + id, this.editor.basic()).body());
		assertThat(playlist.path("sessionCount").asLong()).isEqualTo(3);
	}

	@Test
	void refusesDuplicateItem() {
		long id = create(this.editor, "No duplicates");
		String sessionId = this.sessions.record();
		this.users.send("POST", "/api/v1/playlists/" + id + "/items", this.editor.basic(),
				Map.of("sessionId", sessionId));
		assertProblem(this.users.send("POST", "/api/v1/playlists/" + id + "/items", this.editor.basic(),
				Map.of("sessionId", sessionId)), 409, "playlist-item-exists");
	}

	@Test
	void addsManySessionsAtOnceSkippingThoseAlreadyThere() {
		long id = create(this.editor, "Bulk");
		String present = this.sessions.record();
		String second = this.sessions.record();
		String third = this.sessions.record();
		this.users.send("POST", "/api/v1/playlists/" + id + "/items", this.editor.basic(),
				Map.of("sessionId", present));
		HttpResponse<String> response = this.users.send("POST", "/api/v1/playlists/" + id + "/items/bulk",
				this.editor.basic(), Map.of("sessionIds", List.of(second, present, third)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(response.body()).path("added")).hasSize(2);
		assertThat(sessionIds(items(id, 0, 10))).containsExactly(present, second, third);
	}

	@Test
	void refusesUnknownSession() {
		long id = create(this.editor, "Unknown session");
		assertProblem(this.users.send("POST", "/api/v1/playlists/" + id + "/items", this.editor.basic(),
				Map.of("sessionId", "no-such-session")), 404, "session-not-found");
	}

	@Test
	void removesOneSession() {
		long id = create(this.editor, "Removal");
		String kept = this.sessions.record();
		String removed = this.sessions.record();
		this.users.send("POST", "/api/v1/playlists/" + id + "/items/bulk", this.editor.basic(),
				Map.of("sessionIds", List.of(kept, removed)));
		assertThat(this.users.send("DELETE", "/api/v1/playlists/" + id + "/items/" + removed, this.editor.basic(), null)
			.statusCode()).isEqualTo(204);
		assertThat(sessionIds(items(id, 0, 10))).containsExactly(kept);
		assertProblem(
				this.users.send("DELETE", "/api/v1/playlists/" + id + "/items/" + removed, this.editor.basic(), null),
				404, "playlist-item-not-found");
	}

	@Test
	void auditsPlaylistChanges() {
		long id = create(this.editor, "Audited");
		String sessionId = this.sessions.record();
		this.users.send("POST", "/api/v1/playlists/" + id + "/items", this.editor.basic(),
				Map.of("sessionId", sessionId));
		this.users.send("DELETE", "/api/v1/playlists/" + id, this.editor.basic(), null);
		JsonNode events = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?targetType=playlist&targetId=" + id).body());
		assertThat(events.path("items").valueStream().map((event) -> event.path("action").asString()))
			.containsExactly("playlist.deleted", "playlist.items-added", "playlist.created");
	}

	private long create(TestUser owner, String name) {
		HttpResponse<String> response = this.users.send("POST", "/api/v1/playlists", owner.basic(),
				Map.of("name", name));
		assertThat(response.statusCode()).isEqualTo(201);
		return ReplayClient.json(response.body()).path("id").asLong();
	}

	private JsonNode items(long id, int page, int size) {
		return ReplayClient.json(this.client
			.get("/api/v1/playlists/" + id + "/items?page=" + page + "&size=" + size, this.editor.basic())
			.body());
	}

	private List<Long> ids(String path) {
		return ReplayClient.json(this.client.get(path, this.editor.basic()).body())
			.path("items")
			.valueStream()
			.map((item) -> item.path("id").asLong())
			.toList();
	}

	private static List<String> sessionIds(JsonNode page) {
		return page.path("items").valueStream().map((item) -> item.path("sessionId").asString()).toList();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/" + type);
	}

}
