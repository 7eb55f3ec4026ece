package dev.replay.ingest.asset;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when no application the caller may see captured an asset with that hash.
 */
@NamedInterface("api")
public class AssetNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public AssetNotFoundException(String sha256) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.ASSET_NOT_FOUND, "Asset not found",
				"No captured asset " + sha256 + "."), null);
	}

}
