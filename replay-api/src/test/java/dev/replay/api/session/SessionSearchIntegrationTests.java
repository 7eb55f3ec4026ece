package dev.replay.api.session;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters and sort orders of {@code GET /api/v1/sessions}, over sessions recorded
 * through the intake into an application of their own.
 */
@ReplayIntegrationTest
class SessionSearchIntegrationTests {

	private static final Instant BASE = Instant.parse("2026-03-01T10:00:00Z");

	private static Fixtures fixtures;

	ReplayClient client;

	@BeforeAll
	static void recordSessions(ReplayClient client) {
		fixtures = Fixtures.record(client);
	}

	@Test
	void listsNewestFirstByDefault() {
		assertThat(ids("")).containsExactly(fixtures.blog(), fixtures.checkout(), fixtures.cart());
		JsonNode checkout = items("").get(1);
		assertThat(checkout.path("userName").asString()).isEqualTo("Grace Hopper");
		assertThat(checkout.path("userEmail").asString()).isEqualTo("grace@navy.example");
		assertThat(checkout.path("durationMs").asLong()).isEqualTo(60_000);
	}

	@Test
	void boundsTheStartWithFromInclusiveAndToExclusive() {
		String oneHourLater = BASE.plusSeconds(3600).toString();
		assertThat(ids("&from=" + oneHourLater)).containsExactly(fixtures.blog(), fixtures.checkout());
		assertThat(ids("&to=" + oneHourLater)).containsExactly(fixtures.cart());
		assertThat(ids("&from=" + BASE + "&to=" + BASE.plusSeconds(7200))).containsExactly(fixtures.checkout(),
				fixtures.cart());
		assertThat(ids("&from=" + encode("2026-03-01T12:00:00+01:00"))).containsExactly(fixtures.blog(),
				fixtures.checkout());
	}

	@Test
	void boundsTheDuration() {
		assertThat(ids("&minDurationMs=10000")).containsExactly(fixtures.checkout(), fixtures.cart());
		assertThat(ids("&maxDurationMs=10000")).containsExactly(fixtures.blog(), fixtures.cart());
		assertThat(ids("&minDurationMs=10000&maxDurationMs=10000")).containsExactly(fixtures.cart());
		assertThat(ids("&minDurationMs=60001")).isEmpty();
	}

	@Test
	void findsUrlsInTheFirstUrlAndInViewsIgnoringCase() {
		assertThat(ids("&url=CART")).containsExactly(fixtures.cart());
		// the checkout page is the session's second view, not its first URL
		assertThat(ids("&url=checkout/PAY")).containsExactly(fixtures.checkout());
		assertThat(ids("&url=shop.example")).containsExactly(fixtures.checkout(), fixtures.cart());
		// wildcards are matched as themselves
		assertThat(ids("&url=" + encode("post_1%"))).containsExactly(fixtures.blog());
		assertThat(ids("&url=" + encode("post%1"))).isEmpty();
		assertThat(ids("&url=nowhere")).isEmpty();
	}

	@Test
	void findsUsersByIdNameOrEmailIgnoringCase() {
		assertThat(ids("&user=u-1")).containsExactly(fixtures.cart());
		assertThat(ids("&user=hopper")).containsExactly(fixtures.checkout());
		assertThat(ids("&user=NAVY.example")).containsExactly(fixtures.checkout());
		assertThat(ids("&user=" + encode("Ada Lovelace"))).containsExactly(fixtures.cart());
		// a search never spans two fields
		assertThat(ids("&user=lovelaceada")).isEmpty();
		assertThat(ids("&user=u-")).containsExactly(fixtures.checkout(), fixtures.cart());
	}

	@Test
	void filtersBySourceRepeatedOrCommaSeparated() {
		assertThat(ids("&source=browser")).hasSize(3);
		assertThat(ids("&source=android")).isEmpty();
		assertThat(ids("&source=android,browser")).hasSize(3);
		assertThat(ids("&source=ios&source=browser")).hasSize(3);
		DatadogRecordings.createApplications(this.client);
		String android = DatadogRecordings.ingestMobile(this.client, "android-shop-login-list-detail");
		String ios = DatadogRecordings.ingestMobile(this.client, "ios-travel-login-list-detail");
		String mobile = "/api/v1/sessions?limit=200&applicationId=" + TestCorpus.MOBILE_APPLICATION;
		assertThat(idsAt(mobile + "&source=android")).contains(android).doesNotContain(ios);
		assertThat(idsAt(mobile + "&source=ios")).contains(ios).doesNotContain(android);
		assertThat(idsAt(mobile + "&source=ios,android")).contains(ios, android);
		JsonNode detail = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + android).body());
		assertThat(detail.path("source").asString()).isEqualTo("android");
	}

	@Test
	void combinesFilters() {
		assertThat(ids("&url=shop&minDurationMs=20000")).containsExactly(fixtures.checkout());
		assertThat(ids("&url=shop&user=ada&source=browser&from=" + BASE)).containsExactly(fixtures.cart());
		assertThat(ids("&url=shop&user=ada&from=" + BASE.plusSeconds(1))).isEmpty();
	}

	@ParameterizedTest(name = "sort={0}")
	@CsvSource({ "start", "duration", "activity" })
	void sortsAndPagesWithoutGapsOrRepeats(String sort) {
		List<String> expected = switch (sort) {
			case "start" -> List.of(fixtures.blog(), fixtures.checkout(), fixtures.cart());
			// 60 s, 10 s, 1 s
			case "duration" -> List.of(fixtures.checkout(), fixtures.cart(), fixtures.blog());
			// 50, 42 and 22 events
			default -> List.of(fixtures.cart(), fixtures.blog(), fixtures.checkout());
		};
		assertThat(ids("&sort=" + sort)).containsExactlyElementsOf(expected);
		List<String> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String query = "&sort=" + sort + "&limit=1" + ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode page = ReplayClient.json(ok(query));
			page.path("items").forEach((item) -> paged.add(item.path("id").asString()));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(paged).containsExactlyElementsOf(expected);
	}

	@Test
	void breaksTiesBySessionIdAcrossPages() {
		// three sessions that start at the same moment, last as long and hold as many
		// events
		Fixtures application = Fixtures.empty(this.client);
		List<String> twins = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			twins.add(application.record(this.client, BASE, 5_000, 3, "https://twins.example/", null, null));
		}
		List<String> expected = twins.stream().sorted((a, b) -> b.compareTo(a)).toList();
		for (String sort : List.of("start", "duration", "activity")) {
			List<String> paged = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = ReplayClient.json(okAt("/api/v1/sessions?applicationId=" + application.applicationId()
						+ "&limit=2&sort=" + sort + ((cursor != null) ? "&cursor=" + cursor : "")));
				page.path("items").forEach((item) -> paged.add(item.path("id").asString()));
				cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			}
			while (cursor != null);
			assertThat(paged).as(sort).containsExactlyElementsOf(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "from=yesterday", "to=2026-13-01T00:00:00Z", "minDurationMs=-1", "maxDurationMs=-5",
			"minDurationMs=abc", "minDurationMs=2000&maxDurationMs=1000", "sort=longest", "sort=START",
			"from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "limit=0", "limit=201", "cursor=not-a-cursor",
			"watchedByMe=perhaps" })
	void answersBadValuesWithProblemDetails(String query) {
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = ReplayClient.json(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://replay.dev/problems/bad-request");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
	}

	@Test
	void refusesCursorOfAnotherSortOrder() {
		String cursor = ReplayClient.json(ok("&sort=duration&limit=1")).path("nextCursor").asString();
		assertThat(ReplayClient.json(ok("&sort=duration&limit=1&cursor=" + cursor)).path("items")).hasSize(1);
		for (String other : List.of("start", "activity")) {
			HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions?applicationId="
					+ fixtures.applicationId() + "&sort=" + other + "&cursor=" + cursor);
			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode problem = ReplayClient.json(response.body());
			assertThat(problem.path("type").asString()).isEqualTo("https://replay.dev/problems/bad-request");
			assertThat(problem.path("detail").asString()).contains("another sort order");
		}
		// the default order is start
		assertThat(this.client
			.getAsAdmin("/api/v1/sessions?applicationId=" + fixtures.applicationId() + "&cursor=" + cursor)
			.statusCode()).isEqualTo(400);
	}

	private String ok(String query) {
		return okAt("/api/v1/sessions?applicationId=" + fixtures.applicationId() + query);
	}

	private String okAt(String path) {
		HttpResponse<String> response = this.client.getAsAdmin(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private JsonNode items(String query) {
		return ReplayClient.json(ok(query)).path("items");
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		items(query).forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private List<String> idsAt(String path) {
		List<String> ids = new ArrayList<>();
		ReplayClient.json(okAt(path)).path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * Three browser sessions of one application: a shopping cart (starts at {@code BASE},
	 * 10 s, 7 events, Ada), a checkout (an hour later, 60 s, 22 events in two views,
	 * Grace) and a blog post (two hours later, 1 s, 42 events, no user).
	 */
	record Fixtures(UUID applicationId, String token, String cart, String checkout, String blog) {

		static Fixtures empty(ReplayClient client) {
			JsonNode application = client.createApplication("search " + UUID.randomUUID());
			return new Fixtures(UUID.fromString(application.path("id").asString()),
					application.path("clientToken").asString(), null, null, null);
		}

		static Fixtures record(ReplayClient client) {
			Fixtures empty = empty(client);
			UUID applicationId = empty.applicationId();
			String cart = empty.record(client, BASE, 10_000, 50, "https://shop.example/Cart",
					user("u-1", "Ada Lovelace", "ada@example.org"), null);
			String checkout = empty.record(client, BASE.plusSeconds(3600), 60_000, 12, "https://shop.example/home",
					user("u-2", "Grace Hopper", "grace@navy.example"), "https://shop.example/checkout/pay");
			String blog = empty.record(client, BASE.plusSeconds(7200), 1_000, 42, "https://blog.example/post_1%", null,
					null);
			return new Fixtures(applicationId, empty.token(), cart, checkout, blog);
		}

		private static Map<String, Object> user(String id, String name, String email) {
			return Map.of("id", id, "name", name, "email", email);
		}

		/**
		 * Record a session in one segment of one view, or two segments of ten events more
		 * when a second view's URL is given.
		 */
		String record(ReplayClient client, Instant start, long durationMs, int events, String url,
				Map<String, Object> user, String secondViewUrl) {
			String sessionId = UUID.randomUUID().toString();
			long t0 = start.toEpochMilli();
			long firstEnd = (secondViewUrl != null) ? t0 + durationMs / 2 : t0 + durationMs;
			send(client, sessionId, 0, "view-1", url, user, events(t0, firstEnd, events, url));
			if (secondViewUrl != null) {
				send(client, sessionId, 1, "view-2", secondViewUrl, null,
						events(firstEnd + 1, t0 + durationMs, 10, secondViewUrl));
			}
			return sessionId;
		}

		private void send(ReplayClient client, String sessionId, int sequence, String viewId, String url,
				Map<String, Object> user, List<Map<String, Object>> events) {
			Map<String, Object> context = new LinkedHashMap<>();
			context.put("url", url);
			if (user != null) {
				context.put("user", user);
			}
			Map<String, Object> body = Map.of("applicationId", this.applicationId.toString(), "sequence", sequence,
					"viewId", viewId, "events", events, "context", context);
			HttpResponse<String> response = client.postSegment(sessionId, this.token,
					ReplayClient.mapper().writeValueAsBytes(body), null);
			if (response.statusCode() != 202) {
				throw new IllegalStateException("Could not record a session: " + response.body());
			}
		}

		// a Meta event, a full snapshot and mouse moves, the last one at the end
		private static List<Map<String, Object>> events(long from, long to, int count, String url) {
			List<Map<String, Object>> events = new ArrayList<>();
			events.add(Map.of("type", 4, "timestamp", from, "data", Map.of("href", url, "width", 800, "height", 600)));
			events.add(Map.of("type", 2, "timestamp", from, "data",
					Map.of("node", Map.of("type", 0, "childNodes", List.of(), "id", 1), "initialOffset",
							Map.of("left", 0, "top", 0))));
			for (int i = 2; i < count; i++) {
				long timestamp = (i == count - 1) ? to : from + (to - from) * i / count;
				events.add(Map.of("type", 3, "timestamp", timestamp, "data",
						Map.of("source", 1, "positions", List.of(Map.of("x", i, "y", i, "id", 1, "timeOffset", 0)))));
			}
			return events;
		}

	}

}
