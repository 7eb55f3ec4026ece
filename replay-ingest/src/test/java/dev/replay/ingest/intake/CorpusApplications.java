package dev.replay.ingest.intake;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationExistsException;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ClientTokenExistsException;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The applications and the client token that the corpus recordings name, which the intake
 * must know before it accepts them: created before each test of a class that extends with
 * this.
 */
final class CorpusApplications implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		create(SpringExtension.getApplicationContext(context).getBean(ApplicationRegistry.class));
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
