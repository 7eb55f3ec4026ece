package dev.replay.ingest.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UserAgents}.
 */
class UserAgentsTests {

	@Test
	void readsChromeOnMacOs() {
		assertThat(UserAgents.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
				+ "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"))
			.isEqualTo(new SessionClient("Chrome", "120", "macOS", "10.15", "desktop"));
	}

	@Test
	void tellsEdgeFromTheChromeItNames() {
		assertThat(
				UserAgents.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
						+ "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"))
			.isEqualTo(new SessionClient("Edge", "120", "Windows", "10 or 11", "desktop"));
	}

	@Test
	void readsFirefoxOnLinux() {
		assertThat(UserAgents.describe("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"))
			.isEqualTo(new SessionClient("Firefox", "121", "Linux", null, "desktop"));
	}

	@Test
	void readsSafariOnAnIphoneAsMobile() {
		assertThat(UserAgents.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"))
			.isEqualTo(new SessionClient("Safari", "17", "iOS", "17.2", "mobile"));
	}

	@Test
	void readsAnAndroidPhoneAsMobileAndAnAndroidTabletAsTablet() {
		assertThat(
				UserAgents.describe("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
						+ "Chrome/120.0.6099.144 Mobile Safari/537.36"))
			.isEqualTo(new SessionClient("Chrome", "120", "Android", "14", "mobile"));
		assertThat(UserAgents
			.describe("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/120.0.6099.144 Safari/537.36")
			.deviceType()).isEqualTo("tablet");
	}

	@Test
	void readsCrawlersAsBots() {
		assertThat(UserAgents.describe("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
			.deviceType()).isEqualTo("bot");
	}

	@Test
	void leavesOutWhatItCannotRead() {
		assertThat(UserAgents.describe(null)).isEqualTo(new SessionClient(null, null, null, null, null));
		assertThat(UserAgents.describe("curl/8.5.0")).isEqualTo(new SessionClient(null, null, null, null, null));
	}

	@Test
	void rumFieldsWinAndTheUserAgentFillsTheGaps() {
		SessionClient rum = new SessionClient("Chrome", "121", null, null, "desktop");
		SessionClient agent = new SessionClient("Chrome", "120", "macOS", "14.2", "desktop");
		assertThat(rum.orElse(agent)).isEqualTo(new SessionClient("Chrome", "121", "macOS", "14.2", "desktop"));
	}

}
