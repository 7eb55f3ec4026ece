package dev.replay.api.playlist;

import java.util.List;

import dev.replay.api.playlist.Playlists.ItemDetails;
import dev.replay.api.playlist.Playlists.PlaylistDetails;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.web.PageResponse;
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
class PlaylistController {

	private final Playlists playlists;

	PlaylistController(Playlists playlists) {
		this.playlists = playlists;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PlaylistDetails create(@Valid @RequestBody CreatePlaylistRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.playlists.create(request.name().strip(), request.description(), me);
	}

	@GetMapping
	PageResponse<PlaylistDetails> list(@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return pageOf(this.playlists.list(mine ? me.id() : null, q, page, size, me));
	}

	@GetMapping("/{playlistId}")
	PlaylistDetails get(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		return this.playlists.get(playlistId, me);
	}

	@PatchMapping("/{playlistId}")
	PlaylistDetails update(@PathVariable long playlistId, @Valid @RequestBody UpdatePlaylistRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		String name = (request.name() != null) ? request.name().strip() : null;
		return this.playlists.update(playlistId, name, request.description(), me);
	}

	@DeleteMapping("/{playlistId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long playlistId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.playlists.delete(playlistId, me);
	}

	@GetMapping("/{playlistId}/items")
	PageResponse<ItemDetails> items(@PathVariable long playlistId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return pageOf(this.playlists.items(playlistId, page, size, me));
	}

	@PostMapping("/{playlistId}/items")
	@ResponseStatus(HttpStatus.CREATED)
	ItemDetails add(@PathVariable long playlistId, @Valid @RequestBody AddItemRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.playlists.add(playlistId, request.sessionId(), me);
	}

	@PostMapping("/{playlistId}/items/bulk")
	AddedItemsResponse addAll(@PathVariable long playlistId, @Valid @RequestBody AddItemsRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return new AddedItemsResponse(this.playlists.addAll(playlistId, request.sessionIds(), me));
	}

	@DeleteMapping("/{playlistId}/items/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
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
