package dev.replay.core.dom;

import java.nio.charset.StandardCharsets;

import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.PageEvents;
import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageStateTests {

	private final PageState state = new PageState();

	@BeforeEach
	void loadPage() {
		apply("{\"type\":4,\"data\":{\"href\":\"https://t.test/\",\"width\":800,\"height\":600}}");
		apply("{\"type\":2,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,\"id\":2,"
				+ "\"tagName\":\"html\",\"attributes\":{},\"childNodes\":[{\"type\":2,\"id\":3,\"tagName\":\"body\","
				+ "\"attributes\":{\"style\":\"color: red; margin: 0px;\"},\"childNodes\":[{\"type\":2,\"id\":4,"
				+ "\"tagName\":\"style\",\"attributes\":{},\"childNodes\":[{\"type\":3,\"id\":5,"
				+ "\"textContent\":\"a { color: blue; }\",\"isStyle\":true}]}]}]}]},"
				+ "\"initialOffset\":{\"top\":0,\"left\":0}}}");
	}

	@Test
	void placesAnAdditionBeforeANextSiblingAddedLaterInTheSameMutation() {
		mutate("\"adds\":[{\"parentId\":3,\"nextId\":11,\"node\":" + text(10, "first") + "},"
				+ "{\"parentId\":3,\"nextId\":null,\"node\":" + text(11, "second") + "}]");
		assertThat(this.state.describe(3)).isEqualTo("body \"a { color: blue; }firstsecond\"");
	}

	@Test
	void placesAnAdditionAfterItsPreviousSibling() {
		mutate("\"adds\":[{\"parentId\":3,\"nextId\":null,\"node\":" + text(10, "last") + "}]");
		mutate("\"adds\":[{\"parentId\":3,\"previousId\":4,\"nextId\":10,\"node\":" + text(11, "middle") + "}]");
		assertThat(this.state.describe(3)).endsWith("}middlelast\"");
	}

	@Test
	void describesAFieldWithoutTextByItsNamingAttributeNotByItsValue() {
		mutate("\"adds\":[{\"parentId\":3,\"nextId\":null,\"node\":{\"type\":2,\"id\":10,\"tagName\":\"input\","
				+ "\"attributes\":{\"type\":\"email\",\"value\":\"ada@example.com\",\"name\":\"email\","
				+ "\"placeholder\":\"Your  email\"},\"childNodes\":[]}}]");
		assertThat(this.state.describe(10)).isEqualTo("input \"Your email\"");
	}

	@Test
	void describesASelectByItsChosenOptionNotByAllOptions() {
		addSelect("\"value\":\"fr\",\"name\":\"country\"", "");
		assertThat(this.state.describe(10)).isEqualTo("select \"France\"");
		apply("{\"type\":3,\"data\":{\"source\":5,\"id\":10,\"text\":\"de\",\"isChecked\":false}}");
		assertThat(this.state.describe(10)).isEqualTo("select \"Germany\"");
	}

	@Test
	void describesASelectWithoutValueByItsSelectedOption() {
		addSelect("\"name\":\"country\"", ",\"selected\":true");
		assertThat(this.state.describe(10)).isEqualTo("select \"Germany\"");
	}

	@Test
	void describesASelectWhoseChoiceWasMaskedByItsNamingAttribute() {
		addSelect("\"value\":\"**\",\"aria-label\":\"Country\"", "");
		assertThat(this.state.describe(10)).isEqualTo("select \"Country\"");
	}

	private void addSelect(String attributes, String germanyAttributes) {
		// as the recorder sends it: each node an addition of its own
		mutate("\"adds\":[{\"parentId\":3,\"nextId\":null,\"node\":{\"type\":2,\"id\":10,\"tagName\":\"select\","
				+ "\"attributes\":{" + attributes + "},\"childNodes\":[]}},"
				+ "{\"parentId\":10,\"nextId\":null,\"node\":{\"type\":2,\"id\":13,\"tagName\":\"option\","
				+ "\"attributes\":{\"value\":\"de\"" + germanyAttributes + "},\"childNodes\":[]}},"
				+ "{\"parentId\":13,\"nextId\":null,\"node\":" + text(14, "Germany") + "},"
				+ "{\"parentId\":10,\"nextId\":13,\"node\":{\"type\":2,\"id\":11,\"tagName\":\"option\","
				+ "\"attributes\":{\"value\":\"fr\"},\"childNodes\":[]}},"
				+ "{\"parentId\":11,\"nextId\":null,\"node\":" + text(12, "France") + "}]");
	}

	@Test
	void skipsChangesToNodesRemovedInTheSameMutation() {
		mutate("\"removes\":[{\"parentId\":4,\"id\":5}],\"texts\":[{\"id\":5,\"value\":\"b { }\"}]");
		assertThat(this.state.nodeCount()).isEqualTo(4);
		assertThat(this.state.describe(4)).isEqualTo("style");
	}

	@Test
	void setsAndRemovesSinglePropertiesOfTheStyleAttribute() {
		mutate("\"attributes\":[{\"id\":3,\"attributes\":{\"style\":{\"color\":false,\"width\":[\"10px\",\"important\"],"
				+ "\"margin\":\"2px\"}}}]");
		assertThat(body().attributes()).containsEntry("style", "margin: 2px; width: 10px !important;");
	}

	@Test
	void writesRulesInsertedAndDeletedThroughTheObjectModelIntoTheStyleText() {
		apply("{\"type\":3,\"data\":{\"source\":8,\"id\":4,\"adds\":[{\"rule\":\"b { color: red; }\",\"index\":1},"
				+ "{\"rule\":\"@media print { i { color: green; } }\",\"index\":0}]}}");
		apply("{\"type\":3,\"data\":{\"source\":8,\"id\":4,\"adds\":[{\"rule\":\"u { top: 0; }\",\"index\":[0, 1]}],"
				+ "\"removes\":[{\"index\":1}]}}");
		apply("{\"type\":3,\"data\":{\"source\":13,\"id\":4,\"index\":[1],\"set\":{\"property\":\"color\","
				+ "\"value\":\"black\",\"priority\":\"\"}}}");
		SerializedNode.Element style = (SerializedNode.Element) body().childNodes().get(0);
		assertThat(((SerializedNode.Text) style.childNodes().get(0)).textContent())
			.isEqualTo("@media print {\ni { color: green; }\nu { top: 0; }\n}\nb { color: black; }");
	}

	@Test
	void showsTheTextsOfAStyleRecordedWithCssTextOnceAMutationChangesThem() {
		// as the recorder sends it: the element and each of its texts as an addition of
		// their own
		mutate("\"adds\":[{\"parentId\":3,\"nextId\":null,\"node\":{\"type\":2,\"id\":20,\"tagName\":\"style\","
				+ "\"attributes\":{\"_cssText\":\"a { top: 0px; }/* rr_split */b { top: 1px; }\"},\"childNodes\":[]}},"
				+ "{\"parentId\":20,\"nextId\":null,\"node\":" + text(22, "") + "},"
				+ "{\"parentId\":20,\"nextId\":22,\"node\":" + text(21, "") + "}]");
		mutate("\"removes\":[{\"parentId\":20,\"id\":22}],\"adds\":[{\"parentId\":20,\"nextId\":null,\"node\":"
				+ text(23, "i { top: 2px; }") + "}]");
		SerializedNode.Element style = (SerializedNode.Element) body().childNodes().get(1);
		assertThat(style.attributes()).doesNotContainKey("_cssText");
		assertThat(style.childNodes()).map((node) -> ((SerializedNode.Text) node).textContent())
			.containsExactly("a { top: 0px; }", "i { top: 2px; }");
	}

	@Test
	void keepsInputValuesAndThePointerOutOfTheAttributes() {
		apply("{\"type\":3,\"data\":{\"source\":5,\"id\":3,\"text\":\"typed\",\"isChecked\":false}}");
		apply("{\"type\":3,\"data\":{\"source\":1,\"positions\":[{\"x\":1,\"y\":2,\"id\":4,\"timeOffset\":-5},"
				+ "{\"x\":30,\"y\":40.5,\"id\":3,\"timeOffset\":0}]}}");
		apply("{\"type\":3,\"data\":{\"source\":2,\"type\":2,\"id\":99,\"x\":7,\"y\":8}}");
		PageSnapshot snapshot = this.state.snapshot();
		assertThat(body().attributes()).doesNotContainKey("value");
		assertThat(snapshot.inputs()).containsExactly(new PageSnapshot.Input(3, "typed", false));
		assertThat(snapshot.pointer()).isEqualTo(new PageSnapshot.Pointer(3, 30L, 40.5));
	}

	@Test
	void keepsScrollPositionsOfElementsAsAttributes() {
		apply("{\"type\":3,\"data\":{\"source\":3,\"id\":3,\"x\":0,\"y\":120.5}}");
		assertThat(body().attributes()).containsEntry("rr_scrollLeft", 0L).containsEntry("rr_scrollTop", 120.5);
	}

	private SerializedNode.Element body() {
		SerializedNode.Element html = (SerializedNode.Element) this.state.snapshot().document().childNodes().get(0);
		return (SerializedNode.Element) html.childNodes().get(0);
	}

	private static String text(int id, String text) {
		return "{\"type\":3,\"id\":" + id + ",\"textContent\":\"" + text + "\"}";
	}

	private void mutate(String data) {
		apply("{\"type\":3,\"data\":{\"source\":0," + data + "}}");
	}

	private void apply(String json) {
		RawEvent event = new RawEvent(1000, json.getBytes(StandardCharsets.UTF_8));
		PageEvents.apply(this.state, RrwebKeyframeCodec.INSTANCE.decode(event));
	}

}
