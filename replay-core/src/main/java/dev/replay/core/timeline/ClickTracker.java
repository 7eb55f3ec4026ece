package dev.replay.core.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.replay.core.timeline.TimelineSummary.Marker;
import dev.replay.core.timeline.TimelineSummary.MarkerKind;
import org.jspecify.annotations.Nullable;

/**
 * Finds rage clicks (three or more clicks on one element within one second) and dead
 * clicks (no page change within one second after a click) while the stream goes by.
 */
final class ClickTracker {

	static final long WINDOW = 1000;

	private static final int RAGE_CLICKS = 3;

	private final Consumer<Marker> markers;

	private final List<Click> pending = new ArrayList<>();

	private final List<Click> run = new ArrayList<>();

	ClickTracker(Consumer<Marker> markers) {
		this.markers = markers;
	}

	void click(long offset, int nodeId, @Nullable String label) {
		Click click = new Click(offset, nodeId, label);
		Click last = this.run.isEmpty() ? null : this.run.get(this.run.size() - 1);
		if (last != null && (last.nodeId() != nodeId || offset - last.offset() > WINDOW)) {
			closeRun();
		}
		this.run.add(click);
		this.pending.add(click);
	}

	/**
	 * Note the time of the next event, and whether the page changed then.
	 * @param offset the event's offset
	 * @param pageChanged whether the event changes the page
	 */
	void advance(long offset, boolean pageChanged) {
		while (!this.pending.isEmpty() && offset - this.pending.get(0).offset() > WINDOW) {
			Click dead = this.pending.remove(0);
			this.markers.accept(new Marker(MarkerKind.DEAD_CLICK, dead.offset(), dead.nodeId(), dead.label(), 1));
		}
		if (pageChanged) {
			this.pending.clear();
		}
	}

	/**
	 * End of the stream: clicks too close to the end to tell are not dead.
	 */
	void finish() {
		closeRun();
		this.pending.clear();
	}

	private void closeRun() {
		boolean rage = false;
		for (int i = 0; i + RAGE_CLICKS - 1 < this.run.size(); i++) {
			rage |= this.run.get(i + RAGE_CLICKS - 1).offset() - this.run.get(i).offset() <= WINDOW;
		}
		if (rage) {
			Click first = this.run.get(0);
			this.markers.accept(
					new Marker(MarkerKind.RAGE_CLICK, first.offset(), first.nodeId(), first.label(), this.run.size()));
		}
		this.run.clear();
	}

	private record Click(long offset, int nodeId, @Nullable String label) {

	}

}
