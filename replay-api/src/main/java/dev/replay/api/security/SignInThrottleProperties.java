package dev.replay.api.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on failed sign-ins (password by form or HTTP Basic, API token), kept in the
 * memory of each instance (ADR 0014). Past its free failures a user name or client
 * address must wait before its next attempt, {@code initialDelay} after the first failure
 * too many, twice as long after each further one, at most {@code maxDelay}; attempts
 * while it waits are answered 429 with {@code Retry-After}, even with the right password.
 * A successful sign-in clears the user name's failures, not the address's.
 *
 * @param freeFailures failed sign-ins of one user name before it has to wait
 * @param freeFailuresPerAddress failed sign-ins (any user name, or API token) from one
 * client address before it has to wait; higher than per name, since many people may share
 * an address
 * @param initialDelay the wait after the first failure past the free ones
 * @param maxDelay the longest wait
 * @param forgetAfter how long after its last failure, or the end of its wait, a user name
 * or address is forgotten, its failures with it
 * @param maxEntries most user names and addresses remembered at once, so that a flood of
 * made-up names cannot exhaust the memory; past it, names that are not waiting give way,
 * and new ones are not counted until there is room again
 */
@ConfigurationProperties("replay.security.sign-in-throttle")
@Validated
record SignInThrottleProperties(@DefaultValue("5") @Min(0) int freeFailures,
		@DefaultValue("20") @Min(0) int freeFailuresPerAddress, @DefaultValue("1s") Duration initialDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("1h") Duration forgetAfter,
		@DefaultValue("50000") @Min(1) int maxEntries) {

}
