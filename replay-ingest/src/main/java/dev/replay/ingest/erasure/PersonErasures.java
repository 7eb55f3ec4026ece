package dev.replay.ingest.erasure;

import java.util.UUID;

import dev.replay.ingest.application.UnknownApplicationException;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests erasures of a person and tells how far they got; the {@link ErasureJob} runs
 * them.
 */
@Service
@NamedInterface("api")
public class PersonErasures {

	private final ErasureStore store;

	PersonErasures(ErasureStore store) {
		this.store = store;
	}

	/**
	 * Request the erasure of every session of a person, in the caller's transaction.
	 * @param subject the person
	 * @param applicationId the one application to erase them from, or {@code null} for
	 * all
	 * @param requestedBy who asks
	 * @return the queued erasure
	 * @throws UnknownApplicationException if the application does not exist
	 */
	@Transactional
	public Erasure request(ErasureSubject subject, @Nullable UUID applicationId, String requestedBy) {
		if (applicationId != null && !this.store.applicationExists(applicationId)) {
			throw new UnknownApplicationException(applicationId);
		}
		UUID id = UUID.randomUUID();
		this.store.insert(id, subject, applicationId, requestedBy, this.store.countSessions(subject, applicationId));
		return find(id);
	}

	/**
	 * An erasure.
	 * @param id its id
	 * @return the erasure and how far it got
	 * @throws ErasureNotFoundException if there is none with that id
	 */
	@Transactional(readOnly = true)
	public Erasure find(UUID id) {
		return this.store.find(id).orElseThrow(() -> new ErasureNotFoundException(id)).erasure();
	}

}
