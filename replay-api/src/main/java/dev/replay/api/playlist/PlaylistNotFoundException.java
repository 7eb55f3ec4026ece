package dev.replay.api.playlist;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no playlist has the requested id.
 */
class PlaylistNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PlaylistNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ApiProblemTypes.PLAYLIST_NOT_FOUND,
				"Playlist not found", "No playlist with id " + id + "."), null);
	}

}
