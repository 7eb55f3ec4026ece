package dev.replay.api.playlist;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when someone other than the owner or an admin changes a playlist.
 */
class PlaylistNotOwnedException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PlaylistNotOwnedException(long id) {
		super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, ApiProblemTypes.PLAYLIST_NOT_OWNED,
				"Not your playlist", "Only the owner of playlist " + id + " or an admin may change it."), null);
	}

}
