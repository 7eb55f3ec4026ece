package dev.replay.api.web;

import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.springframework.format.datetime.standard.InstantFormatter;

/**
 * Reads instant parameters as Spring does (ISO-8601, RFC 1123 or epoch milliseconds) but
 * only from year 0 to year 9999: PostgreSQL's timestamps end long before
 * {@link Instant#MAX}, and a date past them must be a bad request, not a failed query.
 */
class BoundedInstantFormatter implements Formatter<Instant> {

	static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");

	static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private final InstantFormatter delegate = new InstantFormatter();

	@Override
	public Instant parse(String text, Locale locale) throws ParseException {
		Instant instant = this.delegate.parse(text, locale);
		if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
			throw new IllegalArgumentException("'" + text + "' is not an instant from year 0 to year 9999");
		}
		return instant;
	}

	@Override
	public String print(Instant object, Locale locale) {
		return this.delegate.print(object, locale);
	}

}
