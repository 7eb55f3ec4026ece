package dev.replay.api.playback;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes JSON into an HTML script element: every less-than sign becomes the JSON escape
 * of U+003C, so that no end tag or comment opener in a recorded string ends or changes
 * the element. In JSON that sign can only stand inside a string, where the escape means
 * the same, and in UTF-8 its byte is never part of another character.
 */
final class ScriptSafeOutputStream extends FilterOutputStream {

	private static final byte[] ESCAPED_LESS_THAN = { '\\', 'u', '0', '0', '3', 'c' };

	ScriptSafeOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		if (b == '<') {
			this.out.write(ESCAPED_LESS_THAN);
		}
		else {
			this.out.write(b);
		}
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		int copied = offset;
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			if (bytes[i] == '<') {
				this.out.write(bytes, copied, i - copied);
				this.out.write(ESCAPED_LESS_THAN);
				copied = i + 1;
			}
		}
		this.out.write(bytes, copied, end - copied);
	}

	// the element goes on after the JSON: closing is the caller's
	@Override
	public void close() throws IOException {
		flush();
	}

}
