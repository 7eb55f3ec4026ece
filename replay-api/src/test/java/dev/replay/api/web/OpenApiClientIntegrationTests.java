package dev.replay.api.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.client.ApiClient;
import dev.replay.client.ApiException;
import dev.replay.client.ApiResponse;
import dev.replay.client.api.ApplicationsApi;
import dev.replay.client.api.AuditApi;
import dev.replay.client.api.ClientTokensApi;
import dev.replay.client.api.DatadogPlaylistsApi;
import dev.replay.client.api.IntakeApi;
import dev.replay.client.api.PlaylistsApi;
import dev.replay.client.api.SessionsApi;
import dev.replay.client.model.AddItemRequest;
import dev.replay.client.model.AuditEventPage;
import dev.replay.client.model.AuditEventResponse;
import dev.replay.client.model.ClientTokenDetails;
import dev.replay.client.model.CreateApplicationRequest;
import dev.replay.client.model.CreateClientTokenRequest;
import dev.replay.client.model.CreatePlaylistRequest;
import dev.replay.client.model.CreatedApplicationResponse;
import dev.replay.client.model.DocumentSessionData;
import dev.replay.client.model.NativeSegment;
import dev.replay.client.model.NativeSegmentContext;
import dev.replay.client.model.PlaylistDetails;
import dev.replay.client.model.SegmentReceipt;
import dev.replay.client.model.SessionListResponse;
import dev.replay.client.model.SessionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Java client generated at build time from the committed OpenAPI document
 * ({@code src/test/resources/openapi.json}, kept equal to the served one by
 * {@link OpenApiDocumentIntegrationTests}) drives the running application from recording
 * to audit trail, as a client of the API would.
 */
@ReplayIntegrationTest
class OpenApiClientIntegrationTests {

	ReplayClient client;

	@Test
	void generatedClientRecordsListsCollectsAndAudits() throws ApiException {
		ApiClient admin = client("Authorization", ReplayClient.ADMIN_BASIC);
		CreatedApplicationResponse application = new ApplicationsApi(admin)
			.createApplication(new CreateApplicationRequest().name("client journey " + UUID.randomUUID()));
		ClientTokenDetails token = new ClientTokensApi(admin).createClientToken(
				new CreateClientTokenRequest().name("journey recorder").applicationIds(List.of(application.getId())));

		String sessionId = UUID.randomUUID().toString();
		ApiResponse<SegmentReceipt> upload = new IntakeApi(client("X-Replay-Token", token.getToken()))
			.uploadSegmentWithHttpInfo(sessionId, segment(application.getId()), null);
		assertThat(upload.getStatusCode()).isEqualTo(202);
		assertThat(upload.getData().getSessionId()).isEqualTo(sessionId);
		assertThat(upload.getData().getDuplicate()).isFalse();

		SessionListResponse sessions = new SessionsApi(admin).searchSessions(application.getId(), null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		assertThat(sessions.getItems()).extracting(SessionResponse::getId).containsExactly(sessionId);
		assertThat(sessions.getItems().get(0).getFirstUrl()).isEqualTo("https://shop.example/cart");

		PlaylistDetails playlist = new PlaylistsApi(admin)
			.createPlaylist(new CreatePlaylistRequest().name("journey " + sessionId));
		ApiResponse<DocumentSessionData> added = new DatadogPlaylistsApi(admin)
			.addDatadogPlaylistSessionWithHttpInfo(playlist.getId(), sessionId, null, null);
		assertThat(added.getStatusCode()).isEqualTo(201);
		assertThat(added.getData().getData().getId()).isEqualTo(sessionId);
		ApiException again = catchThrowableOfType(ApiException.class, () -> new PlaylistsApi(admin)
			.addPlaylistItem(playlist.getId(), new AddItemRequest().sessionId(sessionId)));
		assertThat(again.getCode()).isEqualTo(409);
		assertThat(again.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(again.getResponseBody()).contains("https://replay.dev/problems/playlist-item-exists");

		AuditEventPage trail = new AuditApi(admin).listAuditEvents(null, null, "playlist",
				Long.toString(playlist.getId()), null, null, null, null);
		assertThat(trail.getItems()).extracting(AuditEventResponse::getAction)
			.containsExactly("playlist.items-added", "playlist.created");
		assertThat(trail.getItems()).extracting(AuditEventResponse::getActor).containsOnly("admin");
	}

	private ApiClient client(String header, String value) {
		return new ApiClient().setHost("localhost")
			.setPort(this.client.port())
			.setRequestInterceptor((request) -> request.header(header, value));
	}

	// a page's meta event and full snapshot, as our recorder script sends them
	private static NativeSegment segment(UUID applicationId) {
		long now = System.currentTimeMillis();
		Map<String, Object> meta = Map.of("type", 4, "timestamp", now, "data",
				Map.of("href", "https://shop.example/cart", "width", 1280, "height", 720));
		Map<String, Object> snapshot = Map.of("type", 2, "timestamp", now + 1, "data", Map.of("node",
				Map.of("type", 0, "id", 1, "childNodes", List.of()), "initialOffset", Map.of("left", 0, "top", 0)));
		return new NativeSegment().applicationId(applicationId)
			.sequence(0)
			.events(List.of(meta, snapshot))
			.context(new NativeSegmentContext().url("https://shop.example/cart"));
	}

}
