package dev.replay.ingest.intake;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationExistsException;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ClientTokenExistsException;
import dev.replay.ingest.testsupport.TestCorpus;

/**
 * The applications and the client token that the corpus recordings name, which the intake
 * must know before it accepts them.
 */
final class CorpusApplications {

	private CorpusApplications() {
	}

	/**
	 * Create them, unless an earlier test of this run did.
	 * @param registry the intake's applications
	 */
	static void create(ApplicationRegistry registry) {
		for (UUID id : List.of(TestCorpus.BROWSER_APPLICATION, TestCorpus.MOBILE_APPLICATION)) {
			try {
				registry.createApplication("corpus " + id, id);
			}
			catch (ApplicationExistsException ex) {
				// created by an earlier test of this run
			}
		}
		try {
			registry.createClientToken("corpus", TestCorpus.CLIENT_TOKEN, null);
		}
		catch (ClientTokenExistsException ex) {
			// created by an earlier test of this run
		}
	}

}
