package dev.replay.core.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundedInflationTests {

	private static final byte[] TEXT = "hello replay ".repeat(1000).getBytes();

	@Test
	void inflatesGzip() throws IOException {
		assertThat(readAll(BoundedInflation.open(gzip(TEXT), ContentEncoding.GZIP, 1 << 20))).isEqualTo(TEXT);
	}

	@Test
	void inflatesZlibAndRawDeflateAsHttpDeflate() throws IOException {
		assertThat(readAll(BoundedInflation.open(deflate(TEXT, false), ContentEncoding.ZLIB, 1 << 20))).isEqualTo(TEXT);
		assertThat(readAll(BoundedInflation.open(deflate(TEXT, true), ContentEncoding.ZLIB, 1 << 20))).isEqualTo(TEXT);
	}

	@Test
	void stopsAtInflatedSizeLimit() throws IOException {
		byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
		assertThat(bomb.length).isLessThan(100 * 1024);
		InputStream in = BoundedInflation.open(bomb, ContentEncoding.GZIP, 1024 * 1024);
		assertThatExceptionOfType(InflatedSizeLimitExceededException.class).isThrownBy(() -> readAll(in));
	}

	@Test
	void reportsTruncatedStreamAsCorrupt() throws IOException {
		byte[] truncated = Arrays.copyOf(deflate(TEXT, false), 20);
		InputStream in = BoundedInflation.open(truncated, ContentEncoding.ZLIB, 1 << 20);
		assertThatExceptionOfType(CorruptCompressionException.class).isThrownBy(() -> readAll(in));
	}

	@Test
	void reportsNonGzipAsCorrupt() {
		assertThatExceptionOfType(CorruptCompressionException.class)
			.isThrownBy(() -> readAll(BoundedInflation.open(TEXT, ContentEncoding.GZIP, 1 << 20)));
	}

	@Test
	void inflaterGivenBackAfterAFailureOrATwiceClosedStreamServesOneStreamAtATime() throws IOException {
		byte[] corrupt = Arrays.copyOf(deflate(TEXT, false), 20);
		for (int i = 0; i < 3; i++) {
			try (InputStream in = BoundedInflation.open(corrupt, ContentEncoding.ZLIB, 1 << 20)) {
				assertThatExceptionOfType(CorruptCompressionException.class).isThrownBy(() -> readAll(in));
			}
		}
		InputStream closedTwice = BoundedInflation.open(deflate(TEXT, false), ContentEncoding.ZLIB, 1 << 20);
		closedTwice.close();
		closedTwice.close();
		byte[] other = "another segment ".repeat(2000).getBytes();
		try (InputStream first = BoundedInflation.open(deflate(TEXT, false), ContentEncoding.ZLIB, 1 << 20);
				InputStream second = BoundedInflation.open(deflate(other, false), ContentEncoding.ZLIB, 1 << 20)) {
			ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
			ByteArrayOutputStream secondOut = new ByteArrayOutputStream();
			byte[] buffer = new byte[512];
			int n1 = 0;
			int n2 = 0;
			while (n1 >= 0 || n2 >= 0) {
				n1 = (n1 >= 0) ? first.read(buffer) : -1;
				if (n1 > 0) {
					firstOut.write(buffer, 0, n1);
				}
				n2 = (n2 >= 0) ? second.read(buffer) : -1;
				if (n2 > 0) {
					secondOut.write(buffer, 0, n2);
				}
			}
			assertThat(firstOut.toByteArray()).isEqualTo(TEXT);
			assertThat(secondOut.toByteArray()).isEqualTo(other);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(6, raw))) {
			deflate.write(bytes);
		}
		return out.toByteArray();
	}

}
