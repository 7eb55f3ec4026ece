package dev.replay.api.playlist;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a session is removed from a playlist that does not hold it.
 */
class PlaylistItemNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PlaylistItemNotFoundException(long id, String sessionId) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ApiProblemTypes.PLAYLIST_ITEM_NOT_FOUND,
				"Playlist item not found", "Session " + sessionId + " is not in playlist " + id + "."), null);
	}

}
