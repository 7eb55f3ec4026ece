package dev.replay.core.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedactionRuleTests {

	@Test
	void acceptsATextASelectorOrBoth() {
		assertThat(new RedactionRule("Ada Lovelace", null).text()).isEqualTo("Ada Lovelace");
		assertThat(new RedactionRule(null, "#account .name, [data-private]").selector()).isNotNull();
		assertThat(new RedactionRule("x", "div > p:nth-child(2)")).isNotNull();
	}

	@Test
	void refusesARuleWithoutTextOrSelector() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedactionRule(null, null));
	}

	@Test
	void refusesBlankAndTooLongTexts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedactionRule("", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new RedactionRule("  ", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedactionRule("a".repeat(RedactionRule.MAX_TEXT_LENGTH + 1), null));
	}

	@Test
	void refusesInvalidSelectors() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedactionRule(null, "div["))
			.withMessageContaining("not a valid CSS selector");
		assertThatIllegalArgumentException().isThrownBy(() -> new RedactionRule(null, ">>"));
		assertThatIllegalArgumentException().isThrownBy(() -> new RedactionRule(null, ""));
	}

}
