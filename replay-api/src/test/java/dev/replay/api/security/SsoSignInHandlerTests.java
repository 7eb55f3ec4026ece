package dev.replay.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsoSignInHandlerTests {

	@Test
	void keepsPagesOfThisSite() {
		assertThat(SsoSignInHandler.safeNext("/replays/abc?t=1200")).isEqualTo("/replays/abc?t=1200");
		assertThat(SsoSignInHandler.safeNext("/")).isEqualTo("/");
	}

	@Test
	void dropsAnythingThatCouldLeadElsewhere() {
		assertThat(SsoSignInHandler.safeNext(null)).isNull();
		assertThat(SsoSignInHandler.safeNext("")).isNull();
		assertThat(SsoSignInHandler.safeNext("https://evil.example/")).isNull();
		assertThat(SsoSignInHandler.safeNext("//evil.example/")).isNull();
		assertThat(SsoSignInHandler.safeNext("/\\evil.example/")).isNull();
		assertThat(SsoSignInHandler.safeNext("/\tevil")).isNull();
		assertThat(SsoSignInHandler.safeNext("/" + "a".repeat(2000))).isNull();
	}

}
