package dev.replay.core.compression;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Opens compressed bytes as a stream of inflated bytes that fails as soon as more than a
 * given number of bytes come out, using the JDK's zlib.
 */
public final class BoundedInflation {

	private static final int BUFFER_SIZE = 16 * 1024;

	private BoundedInflation() {
	}

	/**
	 * Open compressed bytes for reading.
	 * @param bytes the compressed bytes
	 * @param encoding how they are compressed; {@link ContentEncoding#ZLIB} also accepts
	 * raw deflate, which some clients label {@code deflate}
	 * @param maxInflatedBytes the most bytes the stream may produce
	 * @return a stream that throws {@link InflatedSizeLimitExceededException} past the
	 * limit and {@link CorruptCompressionException} on corrupt input
	 * @throws IOException if the stream header is unreadable
	 */
	public static InputStream open(byte[] bytes, ContentEncoding encoding, long maxInflatedBytes) throws IOException {
		InputStream raw = new ByteArrayInputStream(bytes);
		InputStream inflated = switch (encoding) {
			case IDENTITY -> raw;
			case GZIP -> gzip(raw);
			case ZLIB -> new PooledInflaterStream(raw, !looksLikeZlib(bytes));
			case DEFLATE_RAW -> new PooledInflaterStream(raw, true);
		};
		return new Bounded(inflated, maxInflatedBytes);
	}

	/**
	 * Tell whether bytes start with a valid zlib header (RFC 1950 section 2.2).
	 * @param bytes the bytes
	 * @return {@code true} for a deflate zlib header with a correct check value
	 */
	public static boolean looksLikeZlib(byte[] bytes) {
		if (bytes.length < 2) {
			return false;
		}
		int cmf = bytes[0] & 0xff;
		int flg = bytes[1] & 0xff;
		return (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
	}

	private static InputStream gzip(InputStream raw) throws IOException {
		try {
			return new GZIPInputStream(raw, BUFFER_SIZE);
		}
		catch (ZipException ex) {
			throw new CorruptCompressionException("Not a gzip stream", ex);
		}
		catch (java.io.EOFException ex) {
			throw new CorruptCompressionException("Truncated gzip stream", ex);
		}
	}

	/**
	 * Inflates with a zlib inflater taken from a small pool and given back on close: a
	 * new inflater allocates zlib's state and window natively, and one that is never
	 * ended keeps them until the garbage collector's cleaner runs.
	 */
	private static final class PooledInflaterStream extends InflaterInputStream {

		private static final int POOL_SIZE = 64;

		private static final Queue<Inflater> ZLIB_POOL = new ConcurrentLinkedQueue<>();

		private static final Queue<Inflater> RAW_POOL = new ConcurrentLinkedQueue<>();

		private final Queue<Inflater> pool;

		private boolean closed;

		PooledInflaterStream(InputStream in, boolean raw) {
			this(in, raw ? RAW_POOL : ZLIB_POOL, raw);
		}

		private PooledInflaterStream(InputStream in, Queue<Inflater> pool, boolean raw) {
			super(in, borrow(pool, raw), BUFFER_SIZE);
			this.pool = pool;
		}

		private static Inflater borrow(Queue<Inflater> pool, boolean raw) {
			Inflater inflater = pool.poll();
			return (inflater != null) ? inflater : new Inflater(raw);
		}

		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			super.close();
			// the pool's size is a bound, not an exact count
			if (this.pool.size() < POOL_SIZE) {
				this.inf.reset();
				this.pool.offer(this.inf);
			}
			else {
				this.inf.end();
			}
		}

	}

	private static final class Bounded extends FilterInputStream {

		private final long limit;

		private long count;

		Bounded(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n == -1) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n;
			try {
				n = super.read(b, off, len);
			}
			catch (ZipException ex) {
				throw new CorruptCompressionException("Corrupt compressed data", ex);
			}
			catch (java.io.EOFException ex) {
				throw new CorruptCompressionException("Truncated compressed data", ex);
			}
			if (n > 0) {
				this.count += n;
				if (this.count > this.limit) {
					throw new InflatedSizeLimitExceededException(this.limit);
				}
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] buffer = new byte[(int) Math.min(n, BUFFER_SIZE)];
			int read = read(buffer, 0, buffer.length);
			return Math.max(read, 0);
		}

	}

}
