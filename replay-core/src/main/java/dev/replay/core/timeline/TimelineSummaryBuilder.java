package dev.replay.core.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import dev.replay.core.event.IncrementalData;
import dev.replay.core.event.MouseInteractionType;
import dev.replay.core.event.RecordingEvent;
import dev.replay.core.timeline.TimelineSummary.Marker;
import dev.replay.core.timeline.TimelineSummary.MarkerKind;
import dev.replay.core.timeline.TimelineSummary.Period;
import dev.replay.core.timeline.TimelineSummary.View;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TimelineSummary} from a session's merged event stream in one pass,
 * keeping only the summary's own figures. Not thread-safe.
 */
public final class TimelineSummaryBuilder {

	/**
	 * The longest pause without user input or page change that still counts as active.
	 */
	public static final long INACTIVITY_THRESHOLD = 5000;

	/**
	 * Longest pause (ms) between two inputs into one field that keeps them one marker.
	 */
	static final long INPUT_RUN_GAP = 2000;

	private static final String VIEW_END = "view-end";

	private final IntFunction<@Nullable String> describer;

	private final List<View> views = new ArrayList<>();

	private final List<Marker> markers = new ArrayList<>();

	private final List<Period> inactivity = new ArrayList<>();

	private final ClickTracker clicks = new ClickTracker(this.markers::add);

	private long start = Long.MIN_VALUE;

	private long last;

	private long lastActivity;

	private @Nullable String viewUrl;

	private long viewStart;

	private TimelineSummary.Opening viewOpening = TimelineSummary.Opening.SNAPSHOT;

	private boolean pageSeen;

	private int inputs;

	private int inputMarker = -1;

	private int lastInputNode = -1;

	private long lastInputOffset;

	/**
	 * Create a builder that labels clicks with node ids only.
	 */
	public TimelineSummaryBuilder() {
		this((id) -> null);
	}

	/**
	 * Create a builder that labels clicked elements.
	 * @param describer describes a node by id at the time of the click, as
	 * {@code PageState::describe} does
	 */
	public TimelineSummaryBuilder(IntFunction<@Nullable String> describer) {
		this.describer = describer;
	}

	/**
	 * Take the next event of the stream.
	 * @param event the event
	 */
	public void accept(RecordingEvent event) {
		long timestamp = event.timestamp();
		if (this.start == Long.MIN_VALUE) {
			this.start = timestamp;
			this.lastActivity = timestamp;
		}
		this.last = Math.max(this.last, timestamp);
		long offset = timestamp - this.start;
		boolean pageChanged = changesPage(event);
		this.clicks.advance(offset, pageChanged);
		if (pageChanged || isUserInput(event)) {
			activity(timestamp);
		}
		switch (event.type()) {
			case META -> meta((RecordingEvent.Meta) event, offset);
			case INCREMENTAL_SNAPSHOT -> incremental(((RecordingEvent.Incremental) event).data(), offset);
			case CUSTOM -> custom((RecordingEvent.Custom) event, offset);
			case PLUGIN -> plugin((RecordingEvent.Plugin) event, offset);
			case FULL_SNAPSHOT, DOM_CONTENT_LOADED, LOAD, ASSET, UNKNOWN -> {
				// nothing to count
			}
		}
	}

	/**
	 * The summary of the events taken.
	 * @return the summary; empty figures when no event was taken
	 */
	public TimelineSummary finish() {
		if (this.start == Long.MIN_VALUE) {
			return new TimelineSummary(0, 0, 0, List.of(), List.of(), List.of(),
					new TimelineSummary.Counts(0, 0, 0, 0, 0, 0));
		}
		this.clicks.finish();
		activity(this.last);
		closeView(this.last - this.start);
		long total = this.last - this.start;
		long inactive = this.inactivity.stream().mapToLong((period) -> period.end() - period.start()).sum();
		List<Marker> sorted = new ArrayList<>(this.markers);
		sorted.sort(Comparator.comparingLong(Marker::offset));
		return new TimelineSummary(this.start, total, total - inactive, this.views, sorted, this.inactivity,
				new TimelineSummary.Counts(count(MarkerKind.CLICK), count(MarkerKind.RAGE_CLICK),
						count(MarkerKind.DEAD_CLICK), this.inputs, count(MarkerKind.ERROR),
						count(MarkerKind.NAVIGATION)));
	}

	private int count(MarkerKind kind) {
		return (int) this.markers.stream().filter((marker) -> marker.kind() == kind).count();
	}

	private void activity(long timestamp) {
		if (timestamp - this.lastActivity > INACTIVITY_THRESHOLD) {
			this.inactivity.add(new Period(this.lastActivity - this.start, timestamp - this.start));
		}
		this.lastActivity = Math.max(this.lastActivity, timestamp);
	}

	private void meta(RecordingEvent.Meta meta, long offset) {
		if (this.pageSeen) {
			this.markers.add(new Marker(MarkerKind.NAVIGATION, offset, -1, meta.href(), 1));
		}
		this.pageSeen = true;
		openView(meta.href(), offset, TimelineSummary.Opening.SNAPSHOT);
	}

	// An in-page navigation is a navigation marker, and a view when it leaves the view's
	// page.
	private void navigation(String url, long offset) {
		this.markers.add(new Marker(MarkerKind.NAVIGATION, offset, -1, url, 1));
		this.pageSeen = true;
		if (this.viewUrl == null || !PageAddresses.sameView(this.viewUrl, url)) {
			openView(url, offset, TimelineSummary.Opening.NAVIGATION);
		}
	}

	private void openView(String url, long offset, TimelineSummary.Opening opening) {
		closeView(offset);
		this.viewUrl = url;
		this.viewStart = offset;
		this.viewOpening = opening;
	}

	private void closeView(long offset) {
		if (this.viewUrl != null) {
			this.views.add(new View(this.viewUrl, this.viewStart, offset, this.viewOpening));
			this.viewUrl = null;
		}
	}

	private void incremental(IncrementalData data, long offset) {
		if (data instanceof IncrementalData.MouseInteraction interaction
				&& interaction.kind() == MouseInteractionType.CLICK) {
			String label = this.describer.apply(interaction.id());
			this.markers.add(new Marker(MarkerKind.CLICK, offset, interaction.id(), label, 1));
			this.clicks.click(offset, interaction.id(), label);
		}
		else if (data instanceof IncrementalData.Input input) {
			this.inputs++;
			input(input.id(), offset);
		}
	}

	// Consecutive inputs into one field make one marker, which counts them.
	private void input(int nodeId, long offset) {
		if (this.inputMarker >= 0 && nodeId == this.lastInputNode && offset - this.lastInputOffset <= INPUT_RUN_GAP) {
			Marker run = this.markers.get(this.inputMarker);
			this.markers.set(this.inputMarker,
					new Marker(MarkerKind.INPUT, run.offset(), nodeId, run.label(), run.count() + 1));
		}
		else {
			this.inputMarker = this.markers.size();
			this.markers.add(new Marker(MarkerKind.INPUT, offset, nodeId, this.describer.apply(nodeId), 1));
		}
		this.lastInputNode = nodeId;
		this.lastInputOffset = offset;
	}

	private void custom(RecordingEvent.Custom custom, long offset) {
		String url = custom.url();
		if (VIEW_END.equals(custom.tag())) {
			closeView(offset);
		}
		else if (RecordingEvent.Custom.NAVIGATION.equals(custom.tag()) && url != null) {
			navigation(url, offset);
		}
		else if (custom.tag().toLowerCase(Locale.ROOT).contains("error")) {
			this.markers.add(new Marker(MarkerKind.ERROR, offset, -1,
					(custom.message() != null) ? custom.message() : custom.tag(), 1));
		}
	}

	private void plugin(RecordingEvent.Plugin plugin, long offset) {
		if (plugin.plugin().contains("console") && "error".equalsIgnoreCase(plugin.level())) {
			this.markers.add(new Marker(MarkerKind.ERROR, offset, -1, plugin.message(), 1));
		}
	}

	/**
	 * Whether an event changes what the page shows, for dead clicks and inactivity.
	 * @param event the event
	 * @return {@code true} for new pages, snapshots, mutations, inputs, scrolls and style
	 * and media changes
	 */
	static boolean changesPage(RecordingEvent event) {
		return switch (event.type()) {
			case META, FULL_SNAPSHOT -> true;
			case INCREMENTAL_SNAPSHOT -> {
				IncrementalData data = ((RecordingEvent.Incremental) event).data();
				yield switch (data.source()) {
					case MUTATION -> !isEmpty((IncrementalData.DomMutation) data);
					case SCROLL, INPUT, MEDIA_INTERACTION, STYLE_SHEET_RULE, STYLE_DECLARATION, ADOPTED_STYLE_SHEET,
							CANVAS_MUTATION ->
						true;
					case MOUSE_MOVE, MOUSE_INTERACTION, VIEWPORT_RESIZE, TOUCH_MOVE, FONT, LOG, DRAG, SELECTION,
							CUSTOM_ELEMENT, UNKNOWN ->
						false;
				};
			}
			case CUSTOM, PLUGIN, DOM_CONTENT_LOADED, LOAD, ASSET, UNKNOWN -> false;
		};
	}

	private static boolean isEmpty(IncrementalData.DomMutation data) {
		return data.mutation().adds().isEmpty() && data.mutation().removes().isEmpty()
				&& data.mutation().texts().isEmpty() && data.mutation().attributes().isEmpty();
	}

	private static boolean isUserInput(RecordingEvent event) {
		return event instanceof RecordingEvent.Incremental incremental && incremental.data().source().isUserInput();
	}

}
