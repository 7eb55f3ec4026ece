package dev.replay.ingest.session;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the browser, operating system and device type from a user agent string, for the
 * sessions whose recorder sent no RUM context. Only the families a session list needs are
 * told apart; the rules are tried in order because most browsers name others (every
 * Chromium browser says {@code Safari}, Edge says {@code Chrome}).
 */
final class UserAgents {

	private static final List<Family> BROWSERS = List.of(new Family("Edge", "Edg(?:e|A|iOS)?/(\\d+)"),
			new Family("Opera", "(?:OPR|Opera)/(\\d+)"), new Family("Samsung Internet", "SamsungBrowser/(\\d+)"),
			new Family("Firefox", "(?:Firefox|FxiOS)/(\\d+)"), new Family("Chrome", "(?:Chrome|CriOS)/(\\d+)"),
			new Family("Safari", "Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"));

	private static final List<Family> SYSTEMS = List.of(
			new Family("iOS", "(?:iPhone|iPad|iPod).*? OS (\\d+(?:_\\d+)?)"),
			new Family("Android", "Android (\\d+(?:\\.\\d+)?)"), new Family("Windows", "Windows NT (\\d+\\.\\d+)"),
			new Family("macOS", "Mac OS X (\\d+(?:[_.]\\d+)?)"), new Family("ChromeOS", "CrOS \\S+ (\\d+)"),
			new Family("Linux", "Linux()"));

	private static final Pattern BOT = Pattern.compile("bot|crawler|spider", Pattern.CASE_INSENSITIVE);

	private static final Pattern TABLET = Pattern.compile("iPad|Tablet|Android(?!.*Mobile)");

	private static final Pattern MOBILE = Pattern.compile("Mobi|iPhone|iPod|Android");

	private UserAgents() {
	}

	/**
	 * Describe the client that sent a user agent.
	 * @param userAgent the {@code User-Agent} text, or {@code null}
	 * @return what could be read, each part {@code null} when it could not
	 */
	static SessionClient describe(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return new SessionClient(null, null, null, null, null);
		}
		Match browser = match(BROWSERS, userAgent);
		Match system = match(SYSTEMS, userAgent);
		String osVersion = (system != null) ? windowsName(system.name(), system.version().replace('_', '.')) : null;
		return new SessionClient((browser != null) ? browser.name() : null,
				(browser != null) ? browser.version() : null, (system != null) ? system.name() : null,
				(osVersion != null && !osVersion.isEmpty()) ? osVersion : null,
				deviceType(userAgent, browser != null || system != null));
	}

	private static @Nullable String deviceType(String userAgent, boolean browserOrSystem) {
		if (BOT.matcher(userAgent).find()) {
			return "bot";
		}
		if (!browserOrSystem) {
			return null;
		}
		if (TABLET.matcher(userAgent).find()) {
			return "tablet";
		}
		return MOBILE.matcher(userAgent).find() ? "mobile" : "desktop";
	}

	// Windows NT numbers are not the names people know
	private static String windowsName(String system, String version) {
		if (!system.equals("Windows")) {
			return version;
		}
		return switch (version) {
			case "10.0" -> "10 or 11";
			case "6.3" -> "8.1";
			case "6.2" -> "8";
			case "6.1" -> "7";
			default -> "NT " + version;
		};
	}

	private static @Nullable Match match(List<Family> families, String userAgent) {
		for (Family family : families) {
			Matcher matcher = family.pattern().matcher(userAgent);
			if (matcher.find()) {
				return new Match(family.name(), matcher.group(1));
			}
		}
		return null;
	}

	private record Family(String name, Pattern pattern) {

		Family(String name, String regex) {
			this(name, Pattern.compile(regex));
		}

	}

	private record Match(String name, String version) {

	}

}
