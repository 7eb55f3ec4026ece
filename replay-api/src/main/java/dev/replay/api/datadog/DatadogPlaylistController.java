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
	Document<PlaylistData> create(@RequestBody Document<PlaylistData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		PlaylistAttributes attributes = attributesOf(body);
		return new Document<>(resource(this.playlists.create(attributes.name().strip(), attributes.description(), me)));
	}

	@GetMapping("/{playlistId}")
	Document<PlaylistData> get(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		return new Document<>(resource(this.playlists.get(playlistId, me)));
	}

	@PutMapping("/{playlistId}")
	Document<PlaylistData> update(@PathVariable long playlistId, @RequestBody Document<PlaylistData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		PlaylistAttributes attributes = attributesOf(body);
		String description = (attributes.description() != null) ? attributes.description() : "";
		return new Document<>(resource(this.playlists.update(playlistId, attributes.name().strip(), description, me)));
	}

	@DeleteMapping("/{playlistId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.delete(playlistId, me);
	}

	@GetMapping("/{playlistId}/sessions")
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
	void remove(@PathVariable long playlistId, @PathVariable String sessionId,
			@AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.removeAll(playlistId, List.of(sessionId), me);
	}

	@DeleteMapping("/{playlistId}/sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
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
