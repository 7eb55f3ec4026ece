package dev.replay.ingest.session;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The browser and device a session was recorded on, as the RUM SDK reported them or,
 * without RUM, as the recorder's user agent says.
 *
 * @param browserName the browser, such as {@code Chrome}, {@code Firefox} or
 * {@code Safari}
 * @param browserVersion its major version
 * @param osName the operating system, such as {@code Windows}, {@code macOS} or
 * {@code Android}
 * @param osVersion its version, when the user agent tells it
 * @param deviceType {@code desktop}, {@code mobile}, {@code tablet} or {@code bot}
 */
@NamedInterface("api")
public record SessionClient(@Nullable String browserName, @Nullable String browserVersion, @Nullable String osName,
		@Nullable String osVersion, @Nullable String deviceType) {

	boolean isEmpty() {
		return this.browserName == null && this.osName == null && this.deviceType == null;
	}

	/**
	 * This description with each missing part taken from another.
	 * @param other where the missing parts come from
	 * @return the merged description
	 */
	SessionClient orElse(SessionClient other) {
		return new SessionClient(first(this.browserName, other.browserName),
				(this.browserName != null) ? this.browserVersion : other.browserVersion,
				first(this.osName, other.osName), (this.osName != null) ? this.osVersion : other.osVersion,
				first(this.deviceType, other.deviceType));
	}

	private static @Nullable String first(@Nullable String value, @Nullable String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
