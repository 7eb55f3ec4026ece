package dev.replay.api.playlist;

import java.util.List;

import dev.replay.api.playlist.Playlists.ItemDetails;
import dev.replay.api.playlist.Playlists.PlaylistDetails;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playlists and their sessions.
 */
@RestController
@RequestMapping("/api/v1/playlists")
@Validated
@Tag(name = "Playlists")
class PlaylistController {

	private final Playlists playlists;

	PlaylistController(Playlists playlists) {
		this.playlists = playlists;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPlaylist", summary = "Create a playlist",
			description = "Editors and admins create playlists, which they then own. Audited (playlist.created).")
	@ApiResponse(responseCode = "403", description = "Viewers may not create playlists, the API token is "
			+ "read-only, or a cookie session did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	PlaylistDetails create(@Valid @RequestBody CreatePlaylistRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.playlists.create(request.name().strip(), request.description(), me);
	}

	@GetMapping
	@Operation(operationId = "listPlaylists", summary = "List playlists",
			description = "Everyone's playlists, or only mine, optionally those whose name contains q (ignoring "
					+ "case), a page at a time. sessionCount counts only the sessions the caller may see.")
	PageResponse<PlaylistDetails> list(@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return pageOf(this.playlists.list(mine ? me.id() : null, q, page, size, me));
	}

	@GetMapping("/{playlistId}")
	@Operation(operationId = "getPlaylist", summary = "Get a playlist",
			description = "A playlist with its owner and how many of its sessions the caller may see.")
	PlaylistDetails get(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		return this.playlists.get(playlistId, me);
	}

	@PatchMapping("/{playlistId}")
	@Operation(operationId = "updatePlaylist", summary = "Rename or describe a playlist",
			description = "Changes the name, the description or both; owner or admin only. Audited "
					+ "(playlist.updated).")
	@ApiResponse(responseCode = "200", description = "The playlist as changed.")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	PlaylistDetails update(@PathVariable long playlistId, @Valid @RequestBody UpdatePlaylistRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		String name = (request.name() != null) ? request.name().strip() : null;
		return this.playlists.update(playlistId, name, request.description(), me);
	}

	@DeleteMapping("/{playlistId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deletePlaylist", summary = "Delete a playlist",
			description = "Owner or admin only; the sessions stay. Audited (playlist.deleted).")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	void delete(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.delete(playlistId, me);
	}

	@GetMapping("/{playlistId}/items")
	@Operation(operationId = "listPlaylistItems", summary = "List a playlist's sessions",
			description = "The sessions in the order they were added, with who added each and when; only those "
					+ "the caller may see.")
	PageResponse<ItemDetails> items(@PathVariable long playlistId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return pageOf(this.playlists.items(playlistId, page, size, me));
	}

	@PostMapping("/{playlistId}/items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addPlaylistItem", summary = "Add a session to a playlist",
			description = "Owner or admin only. Audited (playlist.items-added).")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "409", description = "The session is already in the playlist "
			+ "(https://replay.dev/problems/playlist-item-exists).")
	ItemDetails add(@PathVariable long playlistId, @Valid @RequestBody AddItemRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.playlists.add(playlistId, request.sessionId(), me);
	}

	@PostMapping("/{playlistId}/items/bulk")
	@Operation(operationId = "addPlaylistItems", summary = "Add sessions to a playlist",
			description = "Owner or admin only. Adds those of the sessions (up to 500) that are not in the "
					+ "playlist yet, in the order given, and answers the ones it added; every session must exist. "
					+ "Audited (playlist.items-added).")
	@ApiResponse(responseCode = "200", description = "The sessions that were added.")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	AddedItemsResponse addAll(@PathVariable long playlistId, @Valid @RequestBody AddItemsRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return new AddedItemsResponse(this.playlists.addAll(playlistId, request.sessionIds(), me));
	}

	@DeleteMapping("/{playlistId}/items/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removePlaylistItem", summary = "Remove a session from a playlist",
			description = "Owner or admin only. Audited (playlist.items-removed).")
	@ApiResponse(responseCode = "403", description = "Only the playlist's owner or an admin may change it "
			+ "(https://replay.dev/problems/playlist-not-owned); or the API token is read-only, or a cookie session "
			+ "did not echo its CSRF token (https://replay.dev/problems/forbidden).")
	@ApiResponse(responseCode = "404",
			description = "No playlist with that id "
					+ "(https://replay.dev/problems/playlist-not-found); or the session is not in it, or not among the "
					+ "applications the caller is granted (https://replay.dev/problems/playlist-item-not-found).")
	void remove(@PathVariable long playlistId, @PathVariable String sessionId,
			@AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.remove(playlistId, sessionId, me);
	}

	private static <T> PageResponse<T> pageOf(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

	record CreatePlaylistRequest(@NotBlank @Size(max = 200) String name,
			@Nullable @Size(max = 2000) String description) {

	}

	record UpdatePlaylistRequest(@Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
			@Nullable @Size(max = 2000) String description) {

	}

	record AddItemRequest(@NotBlank String sessionId) {

	}

	record AddItemsRequest(@NotEmpty @Size(max = 500) List<@NotBlank String> sessionIds) {

	}

	record AddedItemsResponse(List<ItemDetails> added) {

	}

}
