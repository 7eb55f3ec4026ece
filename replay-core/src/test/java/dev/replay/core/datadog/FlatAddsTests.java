package dev.replay.core.datadog;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class FlatAddsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void addsEveryNodeOfAnAddedSubtreeAfterItsParentAndItsNextSibling() {
		ObjectNode event = (ObjectNode) JSON.readTree(
				"""
						{"type":3,"timestamp":1,"data":{"source":0,"removes":[],"texts":[],"attributes":[],"adds":[
						  {"parentId":1,"nextId":null,"node":{"type":2,"id":10,"tagName":"li","attributes":{},"childNodes":[
						    {"type":2,"id":11,"tagName":"span","attributes":{},"childNodes":[{"type":3,"id":12,"textContent":"a"}]},
						    {"type":3,"id":13,"textContent":"b"}]}}]}}""");
		JsonNode adds = FlatAdds.flatten(event).path("data").path("adds");
		assertThat(adds).extracting((add) -> add.path("node").path("id").asInt()).containsExactly(10, 13, 11, 12);
		assertThat(adds).extracting((add) -> add.path("parentId").asInt()).containsExactly(1, 10, 10, 11);
		assertThat(adds.get(2).path("nextId").asInt()).isEqualTo(13);
		assertThat(adds).allSatisfy((add) -> assertThat(add.path("node").path("childNodes")).isEmpty());
	}

	@Test
	void leavesOtherEventsUnchanged() {
		ObjectNode event = (ObjectNode) JSON.readTree("{\"type\":2,\"timestamp\":1,\"data\":{\"node\":{}}}");
		assertThat(FlatAdds.flatten(event))
			.isEqualTo(JSON.readTree("{\"type\":2,\"timestamp\":1,\"data\":{\"node\":{}}}"));
	}

}
