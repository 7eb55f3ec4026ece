package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.replay.core.event.EventType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a Meta event directly followed by its FullSnapshot, as rrweb records them:
 * Datadog puts a Focus record between the two, so Custom events that follow a Meta are
 * held back until the snapshot has been passed on.
 */
final class MetaFirstOrdering implements Consumer<ObjectNode> {

	private final Consumer<ObjectNode> downstream;

	private final List<ObjectNode> held = new ArrayList<>();

	private boolean afterMeta;

	MetaFirstOrdering(Consumer<ObjectNode> downstream) {
		this.downstream = downstream;
	}

	@Override
	public void accept(ObjectNode event) {
		int type = event.path("type").asInt();
		if (this.afterMeta && type == EventType.CUSTOM.code()) {
			this.held.add(event);
			return;
		}
		if (type == EventType.FULL_SNAPSHOT.code()) {
			this.downstream.accept(event);
			flush();
		}
		else {
			flush();
			this.downstream.accept(event);
		}
		this.afterMeta = type == EventType.META.code();
	}

	/**
	 * Pass on the events still held back.
	 */
	void flush() {
		this.held.forEach(this.downstream);
		this.held.clear();
	}

}
