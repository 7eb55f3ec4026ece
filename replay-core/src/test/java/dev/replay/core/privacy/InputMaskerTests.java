package dev.replay.core.privacy;

import java.nio.charset.StandardCharsets;

import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputMaskerTests {

	private static final String SNAPSHOT = """
			{"type":2,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"tagName":"input","id":5,
			"attributes":{"type":"email","value":"ada@example.org"},"childNodes":[]},{"type":2,"tagName":"input",
			"id":6,"attributes":{"type":"text","name":"nickname","value":"ada"},"childNodes":[]},{"type":2,
			"tagName":"input","id":7,"attributes":{"name":"cc-number"},"childNodes":[]}]}},"timestamp":1}""";

	@Test
	void masksValuesOfSensitiveInputsInSnapshots() {
		String masked = mask(new InputMasker(), SNAPSHOT);
		assertThat(masked).doesNotContain("ada@example.org")
			.contains("\"value\":\"***************\"")
			.contains("\"value\":\"ada\"");
	}

	@Test
	void masksInputEventsOfSensitiveInputsOnly() {
		InputMasker masker = new InputMasker();
		mask(masker, SNAPSHOT);
		assertThat(mask(masker, input(5, "ada@ex"))).contains("\"text\":\"******\"");
		assertThat(mask(masker, input(7, "4242"))).contains("\"text\":\"****\"");
		assertThat(mask(masker, input(6, "ada"))).contains("\"text\":\"ada\"");
	}

	@Test
	void followsInputsAddedAndRetypedByMutations() {
		InputMasker masker = new InputMasker();
		mask(masker, SNAPSHOT);
		String add = """
				{"type":3,"data":{"source":0,"adds":[{"parentId":1,"node":{"type":2,"tagName":"input","id":9,
				"attributes":{"type":"password"},"childNodes":[]}}],"removes":[],"texts":[],"attributes":[]},
				"timestamp":2}""";
		mask(masker, add);
		assertThat(mask(masker, input(9, "secret"))).contains("\"text\":\"******\"");
		String retype = """
				{"type":3,"data":{"source":0,"adds":[],"removes":[],"texts":[],"attributes":[{"id":6,
				"attributes":{"type":"tel","value":"5550100"}}]},"timestamp":3}""";
		assertThat(mask(masker, retype)).contains("\"value\":\"*******\"");
		assertThat(mask(masker, input(6, "5550101"))).contains("\"text\":\"*******\"");
	}

	@Test
	void masksTypedValuesWhereThePageShowsThem() {
		InputMasker masker = new InputMasker();
		mask(masker, SNAPSHOT);
		mask(masker, input(5, "grace@example.org"));
		String echo = """
				{"type":3,"data":{"source":0,"adds":[{"parentId":1,"node":{"type":3,"id":20,
				"textContent":"Email: grace@example.org"}}],"removes":[],"texts":[],"attributes":[]},"timestamp":1795}""";
		String masked = mask(masker, echo);
		assertThat(masked).doesNotContain("grace@example.org").contains("\"timestamp\":1795");
		InputMasker resumed = new InputMasker(masker.knownValues());
		assertThat(mask(resumed, echo)).doesNotContain("grace@example.org");
	}

	@Test
	void masksEventsWrittenWithWhitespace() {
		InputMasker masker = new InputMasker();
		mask(masker, SNAPSHOT.replace(":", ": ").replace(",\"", ", \""));
		assertThat(mask(masker, input(5, "ada@ex").replace(":", " : "))).contains("\"******\"");
	}

	@Test
	void leavesNumbersOutsideStringsAlone() {
		InputMasker masker = new InputMasker();
		mask(masker, SNAPSHOT);
		mask(masker, input(7, "1795"));
		assertThat(mask(masker, "{\"type\":3,\"data\":{\"source\":1,\"positions\":[]},\"timestamp\":1795}"))
			.contains("\"timestamp\":1795");
	}

	private static String input(int id, String text) {
		return "{\"type\":3,\"data\":{\"source\":5,\"text\":\"" + text + "\",\"isChecked\":false,\"id\":" + id
				+ "},\"timestamp\":2}";
	}

	private static String mask(InputMasker masker, String json) {
		RawEvent event = new RawEvent(1, json.replace("\n", "").getBytes(StandardCharsets.UTF_8));
		return new String(masker.mask(event).json(), StandardCharsets.UTF_8);
	}

}
