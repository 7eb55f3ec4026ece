package dev.replay.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsoAccountsTests {

	@Test
	void suffixesATakenNameTheSameWayEachTime() {
		String first = SsoAccounts.withSuffix("ann", "https://id.example.com", "s1");

		assertThat(first).matches("ann~[0-9a-f]{8}");
		assertThat(SsoAccounts.withSuffix("ann", "https://id.example.com", "s1")).isEqualTo(first);
		assertThat(SsoAccounts.withSuffix("ann", "https://id.example.com", "s2")).isNotEqualTo(first);
		assertThat(SsoAccounts.withSuffix("x".repeat(100), "https://id.example.com", "s1")).hasSize(100);
	}

}
