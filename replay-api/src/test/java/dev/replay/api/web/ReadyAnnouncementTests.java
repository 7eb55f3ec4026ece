package dev.replay.api.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up line names an address a browser on the same machine can open.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadyAnnouncementTests {

	@Test
	void namesTheLocalPortOnLocalhost(CapturedOutput output) {
		new ReadyAnnouncement(new MockEnvironment().withProperty("local.server.port", "18080")).announce();
		assertThat(output).contains("Replay is ready at http://localhost:18080, sign in as admin");
	}

	@Test
	void keepsAChosenAddressButNotTheWildcard() {
		assertThat(
				new ReadyAnnouncement(new MockEnvironment().withProperty("server.address", "10.1.2.3")).address("80"))
			.isEqualTo("http://10.1.2.3:80");
		assertThat(new ReadyAnnouncement(new MockEnvironment().withProperty("server.address", "0.0.0.0")).address("80"))
			.isEqualTo("http://localhost:80");
		assertThat(new ReadyAnnouncement(new MockEnvironment().withProperty("server.address", "::1")).address("80"))
			.isEqualTo("http://[::1]:80");
	}

	@Test
	void saysNothingWithoutAWebServer(CapturedOutput output) {
		new ReadyAnnouncement(new MockEnvironment()).announce();
		assertThat(output).doesNotContain("Replay is ready");
	}

}
