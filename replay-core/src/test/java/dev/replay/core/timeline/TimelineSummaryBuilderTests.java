package dev.replay.core.timeline;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.replay.core.dom.PageState;
import dev.replay.core.event.RecordingEvent;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.TimelineSummary.MarkerKind;
import dev.replay.core.timeline.TimelineSummary.Opening;
import dev.replay.core.timeline.TimelineSummary.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TimelineSummaryBuilderTests {

	@Test
	void findsThreeClicksOnOneElementWithinASecondAsOneRageClick() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.click(1000, 4), SyntheticEvents.click(1300, 4),
				SyntheticEvents.click(1600, 4), SyntheticEvents.click(1900, 4), SyntheticEvents.mouseMove(4000));
		assertThat(summary.markers(MarkerKind.RAGE_CLICK)).singleElement().satisfies((rage) -> {
			assertThat(rage.offset()).isEqualTo(1000);
			assertThat(rage.nodeId()).isEqualTo(4);
			assertThat(rage.count()).isEqualTo(4);
		});
	}

	@Test
	void doesNotCountSlowClicksAsRageClick() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.click(1000, 4), SyntheticEvents.click(1700, 4),
				SyntheticEvents.click(2400, 4));
		assertThat(summary.counts().rageClicks()).isZero();
		assertThat(summary.counts().clicks()).isEqualTo(3);
	}

	@Test
	void doesNotCountClicksOnDifferentElementsAsRageClick() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.click(1000, 4), SyntheticEvents.click(1100, 5),
				SyntheticEvents.click(1200, 4), SyntheticEvents.click(1300, 5));
		assertThat(summary.counts().rageClicks()).isZero();
	}

	@Test
	void findsAClickWithoutPageChangeAsDeadClick() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.click(1000, 4),
				SyntheticEvents.textChange(1500, "Paid"), SyntheticEvents.click(3000, 4),
				SyntheticEvents.mouseMove(4500));
		assertThat(summary.markers(MarkerKind.DEAD_CLICK)).extracting(TimelineSummary.Marker::offset)
			.containsExactly(3000L);
	}

	@Test
	void findsPausesOfMoreThanFiveSecondsAsInactivity() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.mouseMove(2000), SyntheticEvents.mouseMove(9000),
				SyntheticEvents.textChange(10_000, "x"), SyntheticEvents.mouseMove(14_000),
				SyntheticEvents.mouseMove(30_000));
		assertThat(summary.inactivity()).containsExactly(new Period(2000, 9000), new Period(14_000, 30_000));
		assertThat(summary.totalDuration()).isEqualTo(30_000);
		assertThat(summary.activeDuration()).isEqualTo(30_000 - 7000 - 16_000);
	}

	@Test
	void countsAPauseUntilTheEndOfTheSessionAsInactivity() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.mouseMove(1000),
				new RecordingEvent.Custom(SyntheticEvents.START + 8000, "heartbeat", null));
		assertThat(summary.inactivity()).containsExactly(new Period(1000, 8000));
	}

	@Test
	void doesNotCountPausesOfFiveSecondsOrLessAsInactivity() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.mouseMove(5000), SyntheticEvents.mouseMove(10_000));
		assertThat(summary.inactivity()).isEmpty();
		assertThat(summary.activeDuration()).isEqualTo(10_000);
	}

	@Test
	void splitsViewsAtMetaEventsAndCountsNavigations() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.mouseMove(1000),
				SyntheticEvents.meta(2000, "https://shop.test/cart"), SyntheticEvents.fullSnapshot(2000),
				SyntheticEvents.mouseMove(3000));
		assertThat(summary.views()).containsExactly(new TimelineSummary.View("https://shop.test/", 0, 2000),
				new TimelineSummary.View("https://shop.test/cart", 2000, 3000));
		assertThat(summary.markers(MarkerKind.NAVIGATION)).singleElement()
			.satisfies((navigation) -> assertThat(navigation.label()).isEqualTo("https://shop.test/cart"));
	}

	@Test
	void opensAViewAtEachNavigationOfOurRecorderToAnotherPage() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.navigation(1000, "https://shop.test/products"),
				SyntheticEvents.navigation(2500, "https://shop.test/checkout"), SyntheticEvents.mouseMove(4000));
		assertThat(summary.views()).containsExactly(new TimelineSummary.View("https://shop.test/", 0, 1000),
				new TimelineSummary.View("https://shop.test/products", 1000, 2500, Opening.NAVIGATION),
				new TimelineSummary.View("https://shop.test/checkout", 2500, 4000, Opening.NAVIGATION));
		assertThat(summary.markers(MarkerKind.NAVIGATION)).extracting(TimelineSummary.Marker::label)
			.containsExactly("https://shop.test/products", "https://shop.test/checkout");
		assertThat(summary.counts().navigations()).isEqualTo(2);
	}

	@Test
	void keepsTheViewWhenANavigationChangesOnlyTheQueryOrTheAnchor() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/search"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.navigation(1000, "https://shop.test/search?q=shoes"),
				SyntheticEvents.navigation(2000, "https://shop.test/search?q=shoes#results"),
				SyntheticEvents.mouseMove(3000));
		assertThat(summary.views()).containsExactly(new TimelineSummary.View("https://shop.test/search", 0, 3000));
		assertThat(summary.counts().navigations()).isEqualTo(2);
	}

	@Test
	void opensAViewWhenANavigationChangesTheHashRoute() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://app.test/#/home"),
				SyntheticEvents.fullSnapshot(0), SyntheticEvents.navigation(1000, "https://app.test/#/orders?page=1"),
				SyntheticEvents.navigation(2000, "https://app.test/#/orders?page=2"), SyntheticEvents.mouseMove(3000));
		assertThat(summary.views()).extracting(TimelineSummary.View::url, TimelineSummary.View::start)
			.containsExactly(tuple("https://app.test/#/home", 0L), tuple("https://app.test/#/orders?page=1", 1000L));
	}

	@Test
	void opensAViewAtANavigationOfTheRecordingOurRecorderSent() {
		TimelineIndexer indexer = new TimelineIndexer(KeyframePolicy.DEFAULT, RrwebKeyframeCodec.INSTANCE,
				(keyframe) -> {
				});
		long start = SyntheticEvents.START;
		for (String json : List.of(
				"{\"type\":4,\"timestamp\":%d,\"data\":{\"href\":\"https://shop.test/\",\"width\":1280,\"height\":720}}",
				"{\"type\":2,\"timestamp\":%d,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[]},"
						+ "\"initialOffset\":{\"left\":0,\"top\":0}}}",
				"{\"type\":5,\"timestamp\":%d,\"data\":{\"tag\":\"navigation\","
						+ "\"payload\":{\"url\":\"https://shop.test/checkout\",\"kind\":\"pushState\"}}}")) {
			String event = json.formatted(start);
			indexer.accept(new RawEvent(start, event.getBytes(StandardCharsets.UTF_8)));
			start += 1000;
		}
		assertThat(indexer.finish().views()).extracting(TimelineSummary.View::url, TimelineSummary.View::opening)
			.containsExactly(tuple("https://shop.test/", Opening.SNAPSHOT),
					tuple("https://shop.test/checkout", Opening.NAVIGATION));
	}

	@Test
	void endsAViewAtADatadogViewEnd() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0),
				new RecordingEvent.Custom(SyntheticEvents.START + 1500, "view-end", null),
				SyntheticEvents.mouseMove(3000));
		assertThat(summary.views()).containsExactly(new TimelineSummary.View("https://shop.test/", 0, 1500));
	}

	@Test
	void countsConsoleErrorsAndErrorEvents() {
		TimelineSummary summary = summarize(SyntheticEvents.meta(0, "https://shop.test/"),
				SyntheticEvents.fullSnapshot(0),
				new RecordingEvent.Plugin(SyntheticEvents.START + 100, "rrweb/console@1", "error", "boom"),
				new RecordingEvent.Plugin(SyntheticEvents.START + 200, "rrweb/console@1", "log", "fine"),
				new RecordingEvent.Custom(SyntheticEvents.START + 300, "error", "bad"));
		assertThat(summary.markers(MarkerKind.ERROR)).extracting(TimelineSummary.Marker::label)
			.containsExactly("boom", "bad");
	}

	@Test
	void findsTheRageAndDeadClicksOnTheTrackOrderButtonOfTheErrorsPage() {
		TimelineSummary summary = summarizeCorpus("errors-console");
		assertThat(summary.markers(MarkerKind.RAGE_CLICK)).singleElement().satisfies((rage) -> {
			assertThat(rage.label()).contains("Track order (does nothing)");
			assertThat(rage.count()).isEqualTo(4);
		});
		assertThat(summary.markers(MarkerKind.DEAD_CLICK))
			.anySatisfy((dead) -> assertThat(dead.label()).contains("Track order (does nothing)"));
	}

	@Test
	void makesOneInputMarkerPerFieldEditOfTheFormPage() {
		TimelineSummary form = summarizeCorpus("form-inputs");
		List<TimelineSummary.Marker> inputs = form.markers(MarkerKind.INPUT);
		assertThat(inputs.stream().mapToInt(TimelineSummary.Marker::count).sum()).isEqualTo(form.counts().inputs());
		assertThat(inputs).hasSizeBetween(2, form.counts().inputs() / 3);
		assertThat(inputs).allSatisfy((input) -> assertThat(input.label()).matches("(input|textarea|select) \".+\""));
	}

	@Test
	void summarizesTheCorpusPages() {
		assertThat(summarizeCorpus("errors-console").counts().clicks()).isEqualTo(clicksIn("errors-console"));
		TimelineSummary form = summarizeCorpus("form-inputs");
		assertThat(form.counts().inputs()).isEqualTo(167);
		assertThat(form.counts().clicks()).isEqualTo(clicksIn("form-inputs"));
		for (String page : CorpusRecordings.pages()) {
			TimelineSummary summary = summarizeCorpus(page);
			long duration = CorpusRecordings.manifest(page).path("durationMs").asLong();
			assertThat(summary.totalDuration()).as(page).isEqualTo(duration);
			assertThat(summary.views()).as(page).singleElement();
			assertThat(summary.counts().navigations()).as(page).isZero();
			assertThat(summary.activeDuration()).as(page).isBetween(0L, duration);
		}
	}

	private static long clicksIn(String page) {
		return CorpusRecordings.events(page)
			.stream()
			.filter((event) -> event.path("type").asInt() == 3 && event.path("data").path("source").asInt() == 2
					&& event.path("data").path("type").asInt() == 2)
			.count();
	}

	private static TimelineSummary summarizeCorpus(String page) {
		TimelineIndexer indexer = new TimelineIndexer(KeyframePolicy.DEFAULT, RrwebKeyframeCodec.INSTANCE,
				(keyframe) -> {
				});
		CorpusRecordings.rawEvents(page).forEach(indexer::accept);
		return indexer.finish();
	}

	private static TimelineSummary summarize(RecordingEvent... events) {
		PageState state = new PageState();
		TimelineSummaryBuilder builder = new TimelineSummaryBuilder(state::describe);
		for (RecordingEvent event : List.of(events)) {
			PageEvents.apply(state, event);
			builder.accept(event);
		}
		return builder.finish();
	}

}
