package dev.replay.api.datadog;

import java.util.List;
import java.util.UUID;

import dev.replay.api.datadog.JsonApi.Collection;
import dev.replay.api.datadog.JsonApi.CreatedBy;
import dev.replay.api.datadog.JsonApi.Document;
import dev.replay.api.datadog.JsonApi.PlaylistAttributes;
import dev.replay.api.datadog.JsonApi.PlaylistData;
import dev.replay.api.datadog.JsonApi.SessionData;
import dev.replay.api.playlist.Playlists;
import dev.replay.api.playlist.Playlists.PlaylistDetails;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import dev.replay.ingest.application.ApplicationScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Datadog's RUM replay playlist endpoints over Replay's playlists.
 */
@RestController
@RequestMapping("/api/v2/rum/replay/playlists")
@Tag(name = "Datadog playlists")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@SecurityRequirement(name = "datadogApplicationKey")
@SecurityRequirement(name = "datadogApiKey")
class DatadogPlaylistController {

	private static final String NO_USER = "00000000-0000-0000-0000-000000000000";

	private final Playlists playlists;

	private final SessionEvents sessions;

	private final ApplicationGrants grants;

	DatadogPlaylistController(Playlists playlists, SessionEvents sessions, ApplicationGrants grants) {
		this.playlists = playlists;
		this.sessions = sessions;
		this.grants = grants;
	}

	@GetMapping
	@Operation(operationId = "listDatadogPlaylists", summary = "List playlists (Datadog)",
			description = "Replay's playlists as Datadog's rum_replay_playlist resources, optionally those of one "
					+ "creator or whose name contains filter[query].")
	Collection<PlaylistData> list(
			@RequestParam(name = "filter[created_by_uuid]", required = false) @Nullable UUID createdBy,
			@RequestParam(name = "filter[query]", required = false) @Nullable String query,
			@RequestParam(name = "page[number]", defaultValue = "0") long number,
			@RequestParam(name = "page[size]", defaultValue = "25") long size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		Paging paging = Paging.of(number, size);
		return new Collection<>(this.playlists.list(createdBy, query, paging.number(), paging.size(), me)
			.map(DatadogPlaylistController::resource)
			.getContent());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDatadogPlaylist", summary = "Create a playlist (Datadog)",
			description = "Editors and admins create playlists; data.attributes.name is required. Audited "
					+ "(playlist.created).")
	@ApiResponse(responseCode = "403", description = "Viewers may not create playlists, the API token is "
			+ "read-only, or a cookie session did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	Document<PlaylistData> create(@RequestBody Document<PlaylistData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		PlaylistAttributes attributes = attributesOf(body);
		return new Document<>(resource(this.playlists.create(attributes.name().strip(), attributes.description(), me)));
	}

	@GetMapping("/{playlistId}")
	@Operation(operationId = "getDatadogPlaylist", summary = "Get a playlist (Datadog)",
			description = "A playlist as a rum_replay_playlist resource, with its creator and how many of its "
					+ "sessions the caller may see.")
	Document<PlaylistData> get(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		return new Document<>(resource(this.playlists.get(playlistId, me)));
	}

	@PutMapping("/{playlistId}")
	@Operation(operationId = "updateDatadogPlaylist", summary = "Replace a playlist's name and description (Datadog)",
			description = "Owner or admin only; data.attributes.name is required, and a missing description "
					+ "clears it. Audited (playlist.updated).")
	@ApiResponse(responseCode = "200", description = "The playlist as changed.")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	Document<PlaylistData> update(@PathVariable long playlistId, @RequestBody Document<PlaylistData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		PlaylistAttributes attributes = attributesOf(body);
		String description = (attributes.description() != null) ? attributes.description() : "";
		return new Document<>(resource(this.playlists.update(playlistId, attributes.name().strip(), description, me)));
	}

	@DeleteMapping("/{playlistId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteDatadogPlaylist", summary = "Delete a playlist (Datadog)",
			description = "Owner or admin only; the sessions stay. Audited (playlist.deleted).")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	void delete(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.delete(playlistId, me);
	}

	@GetMapping("/{playlistId}/sessions")
	@Operation(operationId = "listDatadogPlaylistSessions", summary = "List a playlist's sessions (Datadog)",
			description = "The sessions the caller may see, in the order they were added, as "
					+ "rum_replay_session resources.")
	Collection<SessionData> sessions(@PathVariable long playlistId,
			@RequestParam(name = "page[number]", defaultValue = "0") long number,
			@RequestParam(name = "page[size]", defaultValue = "25") long size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		Paging paging = Paging.of(number, size);
		ApplicationScope scope = this.grants.scopeOf(me);
		return new Collection<>(this.playlists.items(playlistId, paging.number(), paging.size(), me)
			.map((item) -> this.sessions.resource(item.sessionId(), null, scope))
			.getContent());
	}

	@PutMapping("/{playlistId}/sessions/{sessionId}")
	@Operation(operationId = "addDatadogPlaylistSession", summary = "Add a session to a playlist (Datadog)",
			description = "Owner or admin only, and idempotent: 201 when the session is new to the playlist, 200 "
					+ "when it was there already. ts and data_source are accepted and ignored. Audited "
					+ "(playlist.items-added) when added.")
	@ApiResponse(responseCode = "200", description = "The session was in the playlist already.")
	@ApiResponse(responseCode = "201", description = "The session was added.")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	ResponseEntity<Document<SessionData>> add(@PathVariable long playlistId, @PathVariable String sessionId,
			@RequestParam(required = false) @Nullable Long ts,
			@RequestParam(name = "data_source", required = false) @Nullable String dataSource,
			@AuthenticationPrincipal ReplayPrincipal me) {
		// adding is idempotent: 201 when the session is new to the playlist, 200 when not
		boolean added = !this.playlists.addAll(playlistId, List.of(sessionId), me).isEmpty();
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new Document<>(this.sessions.resource(sessionId, null, this.grants.scopeOf(me))));
	}

	@DeleteMapping("/{playlistId}/sessions/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removeDatadogPlaylistSession", summary = "Remove a session from a playlist (Datadog)",
			description = "Owner or admin only; a session that is not in the playlist is no error. Audited "
					+ "(playlist.items-removed) when removed.")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "404",
			description = "No playlist with that id " + "(https://replay.dev/problems/playlist-not-found).")
	void remove(@PathVariable long playlistId, @PathVariable String sessionId,
			@AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.removeAll(playlistId, List.of(sessionId), me);
	}

	@DeleteMapping("/{playlistId}/sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removeDatadogPlaylistSessions", summary = "Remove sessions from a playlist (Datadog)",
			description = "Owner or admin only; removes the sessions named by the data[].id of the body, ignoring "
					+ "those that are not in the playlist. Audited (playlist.items-removed) when removed.")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	void removeAll(@PathVariable long playlistId, @RequestBody Collection<SessionData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		List<String> sessionIds = body.data().stream().map(SessionData::id).filter((id) -> id != null).toList();
		if (!sessionIds.isEmpty()) {
			this.playlists.removeAll(playlistId, sessionIds, me);
		}
	}

	private static PlaylistAttributes attributesOf(Document<PlaylistData> body) {
		PlaylistData data = body.data();
		PlaylistAttributes attributes = (data != null) ? data.attributes() : null;
		if (attributes == null || attributes.name() == null || attributes.name().isBlank()) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
					ProblemTypes.BAD_REQUEST, "Bad request", "data.attributes.name is required."), null);
		}
		return attributes;
	}

	static PlaylistData resource(PlaylistDetails playlist) {
		String owner = (playlist.ownerId() != null) ? playlist.ownerId().toString() : NO_USER;
		CreatedBy createdBy = new CreatedBy(playlist.ownerUsername(), owner, owner, playlist.ownerUsername());
		return new PlaylistData(Long.toString(playlist.id()), JsonApi.PLAYLIST,
				new PlaylistAttributes(playlist.name(), playlist.description(), playlist.sessionCount(),
						playlist.createdAt(), playlist.updatedAt(), createdBy));
	}

}
