package dev.replay.core.segment;

/**
 * One reason why a segment cannot be accepted.
 *
 * @param path where in the segment the problem is, for example
 * {@code events[3].timestamp}
 * @param message what is wrong, in words a client developer understands
 */
public record Violation(String path, String message) {

}
