package dev.replay.ingest.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * The orders in which sessions can be listed; each is descending, with the session id
 * breaking ties so that cursor paging is stable.
 */
@NamedInterface("api")
public enum SessionSort {

	/** Newest first: by the time of the first event. */
	START,

	/** Longest first: by the time from the first to the last event. */
	DURATION,

	/**
	 * Most active first: by the number of recorded events (page changes, inputs, mouse
	 * moves, scrolls, ...), which grows with what happened on the page, not with how long
	 * it stayed open.
	 */
	ACTIVITY;

	/**
	 * The name used in query parameters and cursors.
	 * @return the lower-case name
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Find an order by its name.
	 * @param code {@code start}, {@code duration} or {@code activity}
	 * @return the order
	 * @throws ErrorResponseException (400) for any other name
	 */
	public static SessionSort of(String code) {
		for (SessionSort sort : values()) {
			if (sort.code().equals(code)) {
				return sort;
			}
		}
		String known = Arrays.stream(values()).map(SessionSort::code).collect(Collectors.joining(", "));
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
				ProblemTypes.BAD_REQUEST, "Bad request", "Unknown sort order; use one of " + known + "."), null);
	}

}
