package dev.replay.api.player;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.SharedChromium;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app around the player, driven in a real browser: sign-in, the session list,
 * playlists, My Watch History, the admin pages and the embedded player.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class AppBrowserIntegrationTests {

	ReplayClient client;

	ChromeDriver browser;

	@Test
	void signsInFindsPlaysCollectsAndRemembersASession(TestUsers users) throws Exception {
		TestUser editor = users.create("editor");
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		String applicationId = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body())
			.path("applicationId")
			.asString();

		this.browser.get(this.client.url("/sessions"));
		waitFor().until(ExpectedConditions.urlContains("/login?next=%2Fsessions"));
		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("sign-in")));
		BrowserPages.screenshot(this.browser, "app-sign-in.png");
		this.browser.findElement(BrowserPages.testId("username")).sendKeys(editor.username());
		this.browser.findElement(BrowserPages.testId("password")).sendKeys(TestUsers.PASSWORD);
		this.browser.findElement(BrowserPages.testId("sign-in")).click();
		waitFor().until(ExpectedConditions.urlToBe(this.client.url("/sessions")));
		waitFor().until(ExpectedConditions.textToBe(BrowserPages.testId("current-role"), "editor"));
		assertThat(this.browser.findElement(BrowserPages.testId("current-user")).getText()).contains(editor.username());

		// Filter the list: every filter goes into the address, under the API's names.
		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("filter-applicationId")))
			.sendKeys(applicationId);
		new Select(this.browser.findElement(BrowserPages.testId("filter-watched"))).selectByValue("not-me");
		this.browser.findElement(BrowserPages.testId("filter-hasRageClicks")).click();
		this.browser.findElement(BrowserPages.testId("filter-minDuration")).sendKeys("10");
		this.browser.findElement(BrowserPages.testId("filter-url")).sendKeys("errors-console");
		this.browser.findElement(BrowserPages.testId("apply-filters")).click();
		waitFor().until(ExpectedConditions.urlContains("watchedByMe=false"));
		assertThat(this.browser.getCurrentUrl()).contains("applicationId=" + applicationId)
			.contains("hasRageClicks=true")
			.contains("minDurationMs=10000")
			.contains("url=errors-console");
		WebElement row = waitFor().until(ExpectedConditions.presenceOfElementLocated(sessionRow(sessionId)));
		assertThat(this.browser.findElements(BrowserPages.testId("session-row"))).hasSize(1);
		assertThat(row.getText()).contains("browser");
		waitFor().until(ExpectedConditions
			.attributeToBe(By.cssSelector("[data-session-id='" + sessionId + "'] .thumbnail"), "data-state", "ready"));
		BrowserPages.viewport(this.browser, 1280, 800);
		BrowserPages.screenshot(this.browser, "app-sessions-filtered-1280x800.png");
		BrowserPages.viewport(this.browser, 1920, 1080);
		BrowserPages.screenshot(this.browser, "app-sessions-filtered-1920x1080.png");
		assertThat(watchCount(this.client, sessionId)).as("a thumbnail is not a playback").isZero();

		// The filters survive a reload, and the order is one more parameter that Back
		// undoes.
		String filtered = this.browser.getCurrentUrl();
		this.browser.navigate().refresh();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(sessionRow(sessionId)));
		assertThat(this.browser.findElement(BrowserPages.testId("filter-hasRageClicks")).isSelected()).isTrue();
		assertThat(this.browser.findElement(BrowserPages.testId("filter-watched")).getDomProperty("value"))
			.isEqualTo("not-me");
		assertThat(this.browser.findElement(BrowserPages.testId("filter-minDuration")).getDomProperty("value"))
			.isEqualTo("10");
		assertThat(this.browser.findElement(BrowserPages.testId("filter-url")).getDomProperty("value"))
			.isEqualTo("errors-console");
		this.browser.findElement(BrowserPages.testId("sort-duration")).click();
		waitFor().until(ExpectedConditions.urlContains("sort=duration"));
		waitFor().until(ExpectedConditions.attributeToBe(By.xpath("//th[.//*[@data-testid='sort-duration']]"),
				"aria-sort", "descending"));
		assertThat(this.browser.getCurrentUrl()).contains("hasRageClicks=true");
		this.browser.navigate().back();
		waitFor().until(ExpectedConditions.urlToBe(filtered));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(sessionRow(sessionId)));

		this.browser.get(this.client.url("/playlists"));
		WebElement name = waitFor()
			.until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("playlist-name")));
		name.sendKeys("Checkout errors");
		this.browser.findElement(BrowserPages.testId("create-playlist-submit")).click();
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(BrowserPages.testId("playlists-table"),
				"Checkout errors"));

		// Open it from the list: play, seek by a marker, change the speed.
		this.browser.get(this.client.url("/sessions?applicationId=" + applicationId));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(sessionRow(sessionId)))
			.findElement(BrowserPages.testId("session-link"))
			.click();
		waitFor().until(ExpectedConditions.urlToBe(this.client.url("/replays/" + sessionId)));
		waitUntilPlayed();
		waitFor().until(ExpectedConditions.textToBe(BrowserPages.testId("playlist-position"), "1 of 1"));
		assertThat(this.browser.findElement(BrowserPages.testId("back-link")).getDomAttribute("href"))
			.isEqualTo("/sessions?applicationId=" + applicationId);
		WebElement rage = waitFor()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#seek-markers .marker-rage-click")));
		rage.click();
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) >= 13000);
		new Select(this.browser.findElement(BrowserPages.testId("speed"))).selectByValue("4");
		assertThat(this.browser.findElement(BrowserPages.testId("speed")).getDomProperty("value")).isEqualTo("4");

		// Add it to the new playlist.
		this.browser.findElement(BrowserPages.testId("add-to-playlist")).click();
		WebElement playlists = waitFor().until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//select[@data-testid='playlist-select']/option[.='Checkout errors']")));
		new Select(this.browser.findElement(BrowserPages.testId("playlist-select")))
			.selectByVisibleText(playlists.getText());
		this.browser.findElement(BrowserPages.testId("add-to-playlist-submit")).click();
		waitFor().until(ExpectedConditions.textToBe(BrowserPages.testId("add-to-playlist-status"),
				"Added to Checkout errors."));
		BrowserPages.screenshot(this.browser, "app-player-added-to-playlist.png");

		// The player's header says who watched it.
		this.browser.findElement(BrowserPages.testId("watch-count")).click();
		WebElement watcher = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
				"[data-testid=watchers-list] [data-testid=watcher][data-username='" + editor.username() + "']")));
		assertThat(watcher.getText()).contains("1×");
		BrowserPages.screenshot(this.browser, "app-player-watchers.png");

		// Its embed snippet plays it as an embedded player.
		this.browser.findElement(BrowserPages.testId("share")).click();
		String snippet = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("share-embed")))
			.getDomProperty("value");
		Matcher src = Pattern.compile("<iframe src=\"([^\"]+)\"").matcher(snippet);
		assertThat(src.find()).isTrue();
		this.browser.get(src.group(1));
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "paused"));

		this.browser.get(this.client.url("/playlists"));
		waitFor().until(ExpectedConditions.elementToBeClickable(By.linkText("Checkout errors"))).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-testid=playlist-item][data-session-id='" + sessionId + "']")));
		BrowserPages.screenshot(this.browser, "app-playlist.png");
		this.browser.findElement(BrowserPages.testId("play-all")).click();
		waitFor().until(ExpectedConditions.textToBe(BrowserPages.testId("playlist-position"), "1 of 1"));
		assertThat(this.browser.getCurrentUrl()).contains("/replays/" + sessionId + "?playlist=");
		assertThat(this.browser.findElement(BrowserPages.testId("back-link")).getText()).contains("Checkout errors");

		this.browser.get(this.client.url("/history"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-testid=history-row][data-session-id='" + sessionId + "']")));
		BrowserPages.screenshot(this.browser, "app-watch-history.png");

		this.browser.get(this.client.url("/sessions?applicationId=" + applicationId));
		waitFor().until(ExpectedConditions.presenceOfNestedElementLocatedBy(sessionRow(sessionId),
				BrowserPages.testId("watched-mark")));

		this.browser.findElement(BrowserPages.testId("sign-out")).click();
		waitFor().until(ExpectedConditions.urlContains("/login"));
		this.browser.get(this.client.url("/history"));
		waitFor().until(ExpectedConditions.urlContains("/login?next=%2Fhistory"));

		// An admin finds the playbacks in the audit trail: two in the player, one
		// embedded.
		this.browser.manage().deleteAllCookies();
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/admin/audit?action=session.played&targetId=" + sessionId));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("audit-row")));
		List<WebElement> played = this.browser.findElements(BrowserPages.testId("audit-row"));
		assertThat(played).hasSize(3)
			.allSatisfy((auditRow) -> assertThat(auditRow.getText()).contains(editor.username()));
		assertThat(played).filteredOn((auditRow) -> auditRow.getText().contains("embed")).hasSize(1);
		BrowserPages.screenshot(this.browser, "app-admin-audit-playbacks.png");
	}

	@Test
	void adminGrantsAUserSomeApplicationsAndThenAllAgain(TestUsers users) throws Exception {
		TestUser viewer = users.create("viewer");
		String shop = this.client.createApplication("Shop " + viewer.username()).path("id").asString();
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/admin/users"));
		By row = By.cssSelector("[data-testid=user-row][data-username='" + viewer.username() + "']");
		WebElement editor = waitFor().until(ExpectedConditions.presenceOfElementLocated(row))
			.findElement(BrowserPages.testId("grant-editor"));
		assertThat(editor.findElement(BrowserPages.testId("grant-summary")).getText()).isEqualTo("All applications");
		editor.findElement(BrowserPages.testId("grant-summary")).click();
		editor.findElement(By.cssSelector("[data-testid=grant-application][value='" + shop + "']")).click();
		assertThat(editor.findElement(BrowserPages.testId("grant-some")).isSelected()).isTrue();
		editor.findElement(BrowserPages.testId("grant-save")).click();
		waitFor()
			.until(ExpectedConditions.textToBePresentInElementLocated(BrowserPages.testId("users-status"), "now sees"));
		assertThat(editor.findElement(BrowserPages.testId("grant-summary")).getText())
			.isEqualTo("Shop " + viewer.username());
		BrowserPages.screenshot(this.browser, "app-admin-users-applications.png");
		assertThat(grantOf(this.client, viewer).get(0).asString()).isEqualTo(shop);

		editor.findElement(BrowserPages.testId("grant-all")).click();
		editor.findElement(BrowserPages.testId("grant-save")).click();
		waitFor().until(ExpectedConditions.textToBe(By.cssSelector(
				"[data-testid=user-row][data-username='" + viewer.username() + "'] summary[data-testid=grant-summary]"),
				"All applications"));
		assertThat(grantOf(this.client, viewer).asString()).isEqualTo("all");
	}

	private static JsonNode grantOf(ReplayClient client, TestUser user) {
		return ReplayClient.json(client.getAsAdmin("/api/v1/users").body())
			.valueStream()
			.filter((candidate) -> candidate.path("id").asString().equals(user.id().toString()))
			.findFirst()
			.orElseThrow()
			.path("applications");
	}

	@Test
	void adminPagesGiveCopyReadySnippets() throws Exception {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/admin/applications"));
		waitFor().until(ExpectedConditions.attributeToBe(BrowserPages.testId("current-user"), "data-role", "admin"));
		assertThat(this.browser.findElement(BrowserPages.testId("current-user")).getText())
			.as("the admin called admin is named once")
			.isEqualTo("admin");
		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("application-name")))
			.sendKeys("Web shop");
		this.browser.findElement(BrowserPages.testId("create-application-submit")).click();
		WebElement recorder = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("[data-testid=created-application] [data-testid=snippet-recorder]")));
		String origin = this.client.url("");
		assertThat(recorder.getText()).contains("<script src=\"" + origin + "/sdk/recorder.js\"")
			.containsPattern("data-application-id=\"[0-9a-f-]{36}\" data-token=\"[^\"]{8,}\" async></script>");
		assertThat(this.browser
			.findElement(By.cssSelector("[data-testid=created-application] [data-testid=snippet-datadog-browser]"))
			.getText()).contains("proxy: '" + origin + "/intake'");
		assertThat(this.browser
			.findElement(By.cssSelector("[data-testid=created-application] [data-testid=snippet-datadog-android]"))
			.getText()).contains("useCustomEndpoint(\"" + origin + "/api/v2/replay\")");
		assertThat(this.browser
			.findElement(By.cssSelector("[data-testid=created-application] [data-testid=snippet-datadog-ios]"))
			.getText()).contains("customEndpoint: URL(string: \"" + origin + "/api/v2/replay\")");
		BrowserPages.screenshot(this.browser, "app-admin-applications.png");

		this.browser.get(this.client.url("/admin/audit?action=application.created"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("audit-row")));
		assertThat(this.browser.findElements(BrowserPages.testId("audit-row"))).allSatisfy(
				(auditRow) -> assertThat(auditRow.getDomAttribute("data-action")).isEqualTo("application.created"));
		BrowserPages.screenshot(this.browser, "app-admin-audit.png");
	}

	@Test
	void embeddedPlayerPlaysWithoutChromeAndRecordsAnEmbedPlayback(TestUsers users) throws Exception {
		TestUser viewer = users.create("viewer");
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		HeadlessChromium.authorize(this.browser, viewer.basic());

		this.browser.get(this.client.url("/embed/replays/" + sessionId + "?autoplay=0"));
		waitFor().until((driver) -> List.of("ready", "paused")
			.contains(driver.findElement(By.id("player")).getDomAttribute("data-state")));
		assertThat(this.browser.findElements(By.cssSelector(".topbar"))).isEmpty();
		WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		assertThat(frame.getDomAttribute("sandbox")).doesNotContain("allow-scripts");
		BrowserPages.screenshot(this.browser, "app-embed.png");

		JsonNode played = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=session.played&targetId=" + sessionId).body())
			.path("items");
		assertThat(played).hasSize(1);
		assertThat(played.get(0).path("actor").asString()).isEqualTo(viewer.username());
		assertThat(played.get(0).path("details").path("context").asString()).isEqualTo("embed");
	}

	@Test
	void pagesSendVisitorsWithoutASessionToSignInAndOnlyTheEmbedMayBeFramed() {
		HttpResponse<String> page = this.client.send(HttpRequest.newBuilder(this.client.uri("/playlists?mine=true")));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?next=%2Fplaylists%3Fmine%3Dtrue"));
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions"))).statusCode())
			.isEqualTo(401);
		HttpResponse<String> signIn = this.client.send(HttpRequest.newBuilder(this.client.uri("/login")));
		assertThat(signIn.statusCode()).isEqualTo(200);
		assertThat(signIn.body()).contains("data-testid=\"sign-in-form\"");

		HttpResponse<String> app = this.client.getAsAdmin("/sessions");
		assertThat(app.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(app.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'self'"));
		HttpResponse<String> embed = this.client.getAsAdmin("/embed/replays/any");
		assertThat(embed.statusCode()).isEqualTo(200);
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(embed.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'self'"));
	}

	private void waitUntilPlayed() {
		waitFor().until((driver) -> List.of("playing", "paused")
			.contains(driver.findElement(By.id("player")).getDomAttribute("data-state")));
	}

	private static long watchCount(ReplayClient client, String sessionId) {
		return ReplayClient.json(client.getAsAdmin("/api/v1/sessions/" + sessionId + "/watchers").body())
			.path("watchedCount")
			.asLong();
	}

	private WebDriverWait waitFor() {
		return BrowserPages.waitFor(this.browser);
	}

	private static By sessionRow(String sessionId) {
		return By.cssSelector("[data-testid=session-row][data-session-id='" + sessionId + "']");
	}

}
