package dev.replay.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.replay.core.rrweb.RecordingJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	private static final Redaction ADA = Redaction.of(List.of(new RedactionRule("Ada Lovelace", null)));

	@Test
	void masksEveryOccurrenceInAPlainString() {
		assertThat(ADA.apply("Ada Lovelace met Ada Lovelace")).isEqualTo("************ met ************");
		assertThat(ADA.apply("Grace Hopper")).isEqualTo("Grace Hopper");
		assertThat(ADA.apply(null)).isNull();
	}

	@Test
	void masksTheUrlEncodedFormsOfAText() {
		assertThat(ADA.apply("https://example.org/?q=Ada+Lovelace&r=Ada%20Lovelace"))
			.isEqualTo("https://example.org/?q=************&r=**************");
	}

	@Test
	void masksStringValuesOfJsonButNotItsKeys() {
		Redaction data = Redaction.of(List.of(new RedactionRule("data", null)));
		String json = "{\"type\":3,\"data\":{\"text\":\"my data\",\"n\":\"data\"}}";
		String masked = data.applyToJson(json);
		assertThat(masked).isEqualTo("{\"type\":3,\"data\":{\"text\":\"my ****\",\"n\":\"****\"}}");
		assertThat(RecordingJson.mapper().readTree(masked).path("data").path("text").asString()).isEqualTo("my ****");
	}

	@Test
	void masksTextsWithCharactersThatJsonEscapes() {
		Redaction quoted = Redaction.of(List.of(new RedactionRule("say \"hi\"\n", null)));
		String json = RecordingJson.mapper().writeValueAsString(java.util.Map.of("t", "I say \"hi\"\n to you"));
		String masked = quoted.applyToJson(json);
		assertThat(RecordingJson.mapper().readTree(masked).path("t").asString()).isEqualTo("I ********* to you");
	}

	@Test
	void leavesEscapeSequencesWhole() {
		Redaction letter = Redaction.of(List.of(new RedactionRule("n", null)));
		String masked = letter.applyToJson("{\"t\":\"a\\nb\\u006e n\"}");
		assertThat(RecordingJson.mapper().readTree(masked).path("t").asString()).isEqualTo("a\nbn *");
	}

	@Test
	void returnsTheSameBytesWhenNothingMatches() {
		byte[] json = "{\"t\":\"Grace\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(ADA.applyToJson(json)).isSameAs(json);
		assertThat(Redaction.NONE.applyToJson(json)).isSameAs(json);
	}

	@Test
	void prefersTheLongestOfOverlappingTexts() {
		Redaction both = Redaction.of(List.of(new RedactionRule("Ada", null), new RedactionRule("Ada Lovelace", null)));
		assertThat(both.apply("Ada Lovelace and Ada")).isEqualTo("************ and ***");
	}

}
