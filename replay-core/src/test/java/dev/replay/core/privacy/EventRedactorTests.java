package dev.replay.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventRedactorTests {

	private static final String SNAPSHOT = """
			{"type":2,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"tagName":"html","id":2,"attributes":{},
			"childNodes":[{"type":2,"tagName":"body","id":3,"attributes":{},"childNodes":[
			{"type":2,"tagName":"div","id":4,"attributes":{"class":"account","title":"Ada's account"},"childNodes":[
			{"type":3,"id":5,"textContent":"Ada Lovelace"},
			{"type":2,"tagName":"img","id":6,"attributes":{"src":"https://example.org/ada.png","alt":"Ada"},
			"childNodes":[]},
			{"type":2,"tagName":"input","id":7,"attributes":{"type":"text","value":"analytical"},"childNodes":[]}]},
			{"type":2,"tagName":"p","id":8,"attributes":{"class":"public"},"childNodes":[
			{"type":3,"id":9,"textContent":"Welcome back"}]}]}]}]}},"timestamp":1}""";

	private final EventRedactor redactor = Redaction.of(List.of(new RedactionRule(null, "div.account"))).events();

	@Test
	void masksTheTextAttributesAndValuesOfMatchingElementsInASnapshot() {
		String masked = redact(SNAPSHOT);
		assertThat(masked).doesNotContain("Ada", "analytical", "ada.png")
			.contains("\"textContent\":\"*** ********\"")
			.contains("\"class\":\"account\"")
			.contains("\"value\":\"**********\"")
			.contains("Welcome back");
	}

	@Test
	void marksMatchingElementsSoThatARedactedSnapshotStillCoversThem() {
		String masked = redact(SNAPSHOT);
		assertThat(masked).contains("\"data-replay-redacted\":\"\"");
		EventRedactor again = Redaction.of(List.of(new RedactionRule(null, "div[title*=Ada]"))).events();
		assertThat(redact(again, masked)).isEqualTo(masked);
		String added = redact(again, """
				{"type":3,"data":{"source":0,"texts":[],"attributes":[],"removes":[],"adds":[
				{"parentId":4,"nextId":null,"node":{"type":3,"id":20,"textContent":"Countess of Lovelace"}}]},
				"timestamp":2}""");
		assertThat(added).doesNotContain("Countess");
	}

	@Test
	void blanksImagesInsideMatchingElements() {
		String masked = redact(SNAPSHOT);
		assertThat(masked).contains("{\"alt\":\"***\"}");
	}

	@Test
	void masksNodesAddedInsideMatchingElementsAndElementsThatMatchWhenAdded() {
		redact(SNAPSHOT);
		String added = redact("""
				{"type":3,"data":{"source":0,"texts":[],"attributes":[],"removes":[],"adds":[
				{"parentId":4,"nextId":null,"node":{"type":3,"id":20,"textContent":"Countess of Lovelace"}},
				{"parentId":3,"nextId":null,"node":{"type":2,"tagName":"div","id":21,"attributes":{"class":"account"},
				"childNodes":[{"type":3,"id":22,"textContent":"Byron"}]}},
				{"parentId":8,"nextId":null,"node":{"type":3,"id":23,"textContent":"Public news"}}]},"timestamp":2}""");
		assertThat(added).doesNotContain("Countess", "Byron").contains("Public news");
	}

	@Test
	void attachesAddsWhoseParentComesLaterInTheSameMutation() {
		redact(SNAPSHOT);
		String added = redact("""
				{"type":3,"data":{"source":0,"texts":[],"attributes":[],"removes":[],"adds":[
				{"parentId":31,"nextId":null,"node":{"type":3,"id":32,"textContent":"Inner secret"}},
				{"parentId":4,"nextId":null,"node":{"type":2,"tagName":"span","id":31,"attributes":{},
				"childNodes":[]}}]},"timestamp":2}""");
		assertThat(added).doesNotContain("Inner secret");
	}

	@Test
	void masksTextAndAttributeChangesOfMatchingElements() {
		redact(SNAPSHOT);
		String changed = redact("""
				{"type":3,"data":{"source":0,"adds":[],"removes":[],"texts":[{"id":5,"value":"Ada King"},
				{"id":9,"value":"Hello again"}],"attributes":[{"id":4,"attributes":{"title":"Ada King"}},
				{"id":6,"attributes":{"src":"https://example.org/king.png"}}]},"timestamp":3}""");
		assertThat(changed).doesNotContain("Ada King", "king.png").contains("Hello again");
	}

	@Test
	void followsElementsThatStartToMatchThroughAnAttributeChange() {
		EventRedactor byClass = Redaction.of(List.of(new RedactionRule(null, ".account"))).events();
		redact(byClass, SNAPSHOT);
		redact(byClass, """
				{"type":3,"data":{"source":0,"adds":[],"removes":[],"texts":[],
				"attributes":[{"id":8,"attributes":{"class":"account"}}]},"timestamp":3}""");
		String text = redact(byClass, """
				{"type":3,"data":{"source":0,"adds":[],"removes":[],"texts":[{"id":9,"value":"Now private"}],
				"attributes":[]},"timestamp":4}""");
		assertThat(text).doesNotContain("Now private");
	}

	@Test
	void masksWhatIsTypedIntoMatchingElementsOnly() {
		redact(SNAPSHOT);
		assertThat(redact("{\"type\":3,\"data\":{\"source\":5,\"id\":7,\"text\":\"engine\"},\"timestamp\":5}"))
			.contains("\"text\":\"******\"");
		EventRedactor other = Redaction.of(List.of(new RedactionRule(null, "p.public"))).events();
		redact(other, SNAPSHOT);
		assertThat(redact(other, "{\"type\":3,\"data\":{\"source\":5,\"id\":7,\"text\":\"engine\"},\"timestamp\":5}"))
			.contains("\"text\":\"engine\"");
	}

	@Test
	void forgetsRemovedNodes() {
		redact(SNAPSHOT);
		redact("""
				{"type":3,"data":{"source":0,"adds":[],"texts":[],"attributes":[],
				"removes":[{"parentId":3,"id":4}]},"timestamp":6}""");
		String readded = redact("""
				{"type":3,"data":{"source":0,"texts":[],"attributes":[],"removes":[],"adds":[
				{"parentId":3,"nextId":null,"node":{"type":3,"id":5,"textContent":"Footer"}}]},"timestamp":7}""");
		assertThat(readded).contains("Footer");
	}

	@Test
	void passesEventsThatCannotShowThePageUnparsed() {
		redact(SNAPSHOT);
		RawEvent move = event(
				"{\"type\":3,\"data\":{\"source\":1,\"positions\":[{\"x\":1,\"y\":2,\"id\":5}]}," + "\"timestamp\":8}");
		assertThat(this.redactor.redact(move)).isSameAs(move);
	}

	@Test
	void masksTextsAndSelectorsTogether() {
		EventRedactor both = Redaction
			.of(List.of(new RedactionRule("Welcome", null), new RedactionRule(null, "#nothing, div.account")))
			.events();
		assertThat(redact(both, SNAPSHOT)).doesNotContain("Welcome", "Ada").contains("******* back");
	}

	private String redact(String json) {
		return redact(this.redactor, json);
	}

	private static String redact(EventRedactor redactor, String json) {
		return new String(redactor.redact(event(json)).json(), StandardCharsets.UTF_8);
	}

	private static RawEvent event(String json) {
		return new RawEvent(1, json.replace("\n", "").getBytes(StandardCharsets.UTF_8));
	}

}
