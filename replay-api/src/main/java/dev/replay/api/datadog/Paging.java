package dev.replay.api.datadog;

/**
 * Datadog's {@code page[number]} (from 0) and {@code page[size]}, kept within bounds.
 *
 * @param number the page number
 * @param size the page size
 */
record Paging(int number, int size) {

	static final int MAX_SIZE = 1000;

	static Paging of(long number, long size) {
		int boundedSize = (int) Math.max(1, Math.min(size, MAX_SIZE));
		int boundedNumber = (int) Math.max(0, Math.min(number, Integer.MAX_VALUE / boundedSize));
		return new Paging(boundedNumber, boundedSize);
	}

}
