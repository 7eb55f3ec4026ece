package dev.replay.api.playlist;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a session is added to a playlist that already holds it.
 */
class PlaylistItemExistsException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PlaylistItemExistsException(long id, String sessionId) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ApiProblemTypes.PLAYLIST_ITEM_EXISTS,
				"Playlist item exists", "Session " + sessionId + " is already in playlist " + id + "."), null);
	}

}
