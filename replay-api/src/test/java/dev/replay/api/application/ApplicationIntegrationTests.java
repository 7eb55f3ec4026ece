package dev.replay.api.application;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import dev.replay.ingest.retention.SessionsExpired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class ApplicationIntegrationTests {

	private static final String EVENTS = "[{\"type\":4,\"timestamp\":1000,\"data\":{\"href\":\"http://a/\",\"width\":1,\"height\":1}}]";

	ReplayClient client;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void createsApplicationWithChosenIdAndTokenThatWrites() {
		UUID id = UUID.randomUUID();
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/applications",
				Map.of("name", "Shop", "id", id.toString()));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode app = ReplayClient.json(response.body());
		assertThat(app.path("id").asString()).isEqualTo(id.toString());
		assertThat(app.path("name").asString()).isEqualTo("Shop");
		assertThat(postBatch(app.path("clientToken").asString(), id)).isEqualTo(202);
		assertThat(this.client.getAsAdmin("/api/v1/applications").body()).contains(id.toString());
	}

	@Test
	void changesRetentionAsAdminAndAuditsIt() {
		UUID id = UUID.fromString(this.client.createApplication("kept").path("id").asString());
		HttpResponse<String> response = patch("/api/v1/applications/" + id, ReplayClient.ADMIN_BASIC,
				"{\"retentionDays\":90}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(response.body()).path("retentionDays").asInt()).isEqualTo(90);
		JsonNode listed = ReplayClient.json(this.client.getAsAdmin("/api/v1/applications").body());
		assertThat(listed.valueStream().filter((app) -> app.path("id").asString().equals(id.toString())))
			.singleElement()
			.satisfies((app) -> assertThat(app.path("retentionDays").asInt()).isEqualTo(90));
		String audit = this.client.getAsAdmin("/api/v1/audit-events?action=application.retention-changed").body();
		assertThat(audit).contains(id.toString()).contains("\"retentionDays\":90");
	}

	@Test
	void refusesRetentionOutOfRangeUnknownApplicationAndNonAdmins(TestUsers users) {
		UUID id = UUID.fromString(this.client.createApplication("range").path("id").asString());
		HttpResponse<String> tooLong = patch("/api/v1/applications/" + id, ReplayClient.ADMIN_BASIC,
				"{\"retentionDays\":5000}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(patch("/api/v1/applications/" + id, ReplayClient.ADMIN_BASIC, "{}").statusCode()).isEqualTo(400);
		HttpResponse<String> unknown = patch("/api/v1/applications/" + UUID.randomUUID(), ReplayClient.ADMIN_BASIC,
				"{\"retentionDays\":10}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(unknown.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/application-not-found");
		TestUser editor = users.create("editor");
		assertThat(patch("/api/v1/applications/" + id, editor.basic(), "{\"retentionDays\":10}").statusCode())
			.isEqualTo(403);
	}

	private HttpResponse<String> patch(String path, String authorization, String json) {
		return this.client.send(HttpRequest.newBuilder(this.client.uri(path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	@Test
	void auditsSessionsThatRetentionDeleted() {
		UUID id = UUID.fromString(this.client.createApplication("expiring").path("id").asString());
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new SessionsExpired(id, 7, List.of("gone-1", "gone-2"))));
		JsonNode audit = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=session.expired&targetId=" + id).body());
		assertThat(audit.toString()).contains("system:retention").contains("gone-1").contains("gone-2");
	}

	@Test
	void refusesDuplicateApplicationId() {
		UUID id = UUID.randomUUID();
		this.client.postJsonAsAdmin("/api/v1/applications", Map.of("name", "A", "id", id.toString()));
		HttpResponse<String> again = this.client.postJsonAsAdmin("/api/v1/applications",
				Map.of("name", "B", "id", id.toString()));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(ReplayClient.json(again.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/application-exists");
	}

	@Test
	void refusesApplicationWithoutName() {
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/applications", Map.of("name", " "));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void keepsDeployedTokenValueValidForEveryApplication() {
		String value = "pub" + UUID.randomUUID().toString().replace("-", "");
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/client-tokens",
				Map.of("name", "from Datadog", "token", value));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode token = ReplayClient.json(response.body());
		assertThat(token.path("token").asString()).isEqualTo(value);
		assertThat(token.path("applicationIds").isNull()).isTrue();
		UUID first = UUID.fromString(this.client.createApplication("one").path("id").asString());
		UUID second = UUID.fromString(this.client.createApplication("two").path("id").asString());
		assertThat(postBatch(value, first)).isEqualTo(202);
		assertThat(postBatch(value, second)).isEqualTo(202);
	}

	@Test
	void scopesTokenToItsApplications() {
		UUID allowed = UUID.fromString(this.client.createApplication("allowed").path("id").asString());
		UUID other = UUID.fromString(this.client.createApplication("other").path("id").asString());
		JsonNode token = ReplayClient.json(this.client
			.postJsonAsAdmin("/api/v1/client-tokens", Map.of("name", "scoped", "applicationIds", List.of(allowed)))
			.body());
		assertThat(postBatch(token.path("token").asString(), allowed)).isEqualTo(202);
		assertThat(postBatch(token.path("token").asString(), other)).isEqualTo(403);
	}

	@Test
	void revokedTokenCanNoLongerWrite() {
		JsonNode app = this.client.createApplication("revocation");
		UUID appId = UUID.fromString(app.path("id").asString());
		JsonNode token = ReplayClient.json(this.client
			.postJsonAsAdmin("/api/v1/client-tokens", Map.of("name", "to revoke", "applicationIds", List.of(appId)))
			.body());
		HttpResponse<String> revoked = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/client-tokens/" + token.path("id").asString()))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.DELETE());
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(revoked.body()).path("revokedAt").isNull()).isFalse();
		assertThat(postBatch(token.path("token").asString(), appId)).isEqualTo(401);
	}

	@Test
	void refusesTokenForUnknownApplication() {
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/client-tokens",
				Map.of("name", "dangling", "applicationIds", List.of(UUID.randomUUID())));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/unknown-application");
	}

	private int postBatch(String token, UUID applicationId) {
		String body = "{\"applicationId\":\"" + applicationId + "\",\"sequence\":0,\"events\":" + EVENTS + "}";
		return this.client.postSegment(UUID.randomUUID().toString(), token, body.getBytes(), null).statusCode();
	}

}
