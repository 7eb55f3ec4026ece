package dev.replay.ingest.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.replay.ingest.load.LoadCorpus.LoadRequest;
import dev.replay.ingest.load.LoadCorpus.SentSegment;
import dev.replay.ingest.testsupport.TestCorpus;

/**
 * Sends the corpus to a running Replay with fresh ids, after a warm-up, at a fixed rate
 * or flat out, and prints segments/s, MB/s, latency percentiles and errors by status;
 * then inserts the same segments with bare JDBC batches into a scratch table shaped like
 * {@code segment}, for comparison. Every segment answered 202 is written with its MD5 to
 * the acknowledgement file; {@code -Dload.verify=<file>} checks that each is stored byte
 * for byte. Settings are {@code load.*} system properties; see the README.
 */
public final class IngestLoad {

	private final String url = System.getProperty("load.url", "http://localhost:8080");

	private final String jdbcUrl = System.getProperty("load.jdbc", "jdbc:postgresql://127.0.0.1:5432/replay");

	private final String jdbcUser = System.getProperty("load.jdbc-user", "postgres");

	private final String jdbcPassword = System.getProperty("load.jdbc-password", "");

	private final int connections = Integer.getInteger("load.connections", 64);

	private final int sessions = Integer.getInteger("load.sessions", 1000);

	private final double rate = Double.parseDouble(System.getProperty("load.rate", "0"));

	private final Duration warmup = Duration.parse("PT" + System.getProperty("load.warmup", "180s"));

	private final Duration duration = Duration.parse("PT" + System.getProperty("load.duration", "30s"));

	private final Path acked = Path.of(System.getProperty("load.acked-file", "target/load/acked.tsv"));

	private final boolean baseline = Boolean.parseBoolean(System.getProperty("load.baseline", "true"));

	private final Set<String> mix = new LinkedHashSet<>(
			Arrays.asList(System.getProperty("load.mix", "browser").split(",")));

	private final long serverPid = Long.getLong("load.server-pid", 0);

	private final String salt = System.getProperty("load.salt", UUID.randomUUID().toString());

	private IngestLoad() {
	}

	public static void main(String[] args) throws Exception {
		IngestLoad load = new IngestLoad();
		String verify = System.getProperty("load.verify", "");
		if (!verify.isBlank()) {
			System.exit(load.verify(Path.of(verify)) ? 0 : 1);
		}
		load.run();
	}

	private void run() throws Exception {
		setUpApplications();
		LoadCorpus corpus = LoadCorpus.load(this.mix, this.sessions);
		System.out.printf(Locale.ROOT, "corpus: %d request templates (%s), %d sessions side by side; %s%n",
				corpus.size(), this.mix, this.sessions, loadAverage());
		// the measured requests are prepared before the warm-up, so that the measurement
		// follows it with no pause in which the timeline indexer would catch up
		long count = Long.getLong("load.max-requests", 0);
		if (count <= 0) {
			count = (long) (((this.rate > 0) ? this.rate * 1.05 : 4000) * this.duration.toSeconds());
		}
		long started = System.nanoTime();
		List<LoadRequest> bodies = precompute(corpus, count);
		System.out.printf(Locale.ROOT, "precomputed %d requests in %.1fs%n", bodies.size(),
				(System.nanoTime() - started) / 1e9);
		System.out.printf(Locale.ROOT, "warm-up: %ds at full speed with %d connections%n", this.warmup.toSeconds(),
				this.connections);
		// the warm-up runs at full speed whatever the rate: the JIT warms up sooner, and
		// a
		// fixed rate that a cold server cannot keep up with would only build a backlog
		Phase warm = new Phase(corpus, "warm-" + this.salt, null, this.warmup, null, 0);
		warm.run();
		System.out.printf(Locale.ROOT, "warm-up done: %s%n", warm.summary());
		Stored before = stored();
		Files.createDirectories(this.acked.toAbsolutePath().getParent());
		try (BufferedWriter ackWriter = Files.newBufferedWriter(this.acked)) {
			System.out.printf(Locale.ROOT, "measuring: %ds at %s; %s%n", this.duration.toSeconds(),
					(this.rate > 0) ? this.rate + " req/s" : "full speed", loadAverage());
			Phase measured = new Phase(corpus, this.salt, bodies, this.duration, ackWriter, this.rate);
			long serverCpu = cpuNanos(this.serverPid);
			long ownCpu = cpuNanos(ProcessHandle.current().pid());
			long databaseCpu = postgresCpuNanos();
			long machineCpu = machineBusyNanos();
			measured.run();
			serverCpu = cpuNanos(this.serverPid) - serverCpu;
			ownCpu = cpuNanos(ProcessHandle.current().pid()) - ownCpu;
			databaseCpu = postgresCpuNanos() - databaseCpu;
			machineCpu = machineBusyNanos() - machineCpu;
			System.out.printf(Locale.ROOT, "measured: %s%n", measured.summary());
			long segments = Math.max(1, measured.segmentsAcked.sum());
			System.out.printf(Locale.ROOT,
					"cpu: server %.2f cores, %.0f us/segment; load generator %.2f cores, %.0f us/segment%n",
					serverCpu / 1e9 / measured.seconds, serverCpu / 1e3 / segments, ownCpu / 1e9 / measured.seconds,
					ownCpu / 1e3 / segments);
			System.out.printf(Locale.ROOT,
					"cpu: PostgreSQL %.2f cores, %.0f us/segment; whole machine busy %.2f of %d cores, other %.2f cores%n",
					databaseCpu / 1e9 / measured.seconds, databaseCpu / 1e3 / segments,
					machineCpu / 1e9 / measured.seconds, Runtime.getRuntime().availableProcessors(),
					(machineCpu - serverCpu - ownCpu - databaseCpu) / 1e9 / measured.seconds);
			System.out.printf(Locale.ROOT, "after: %s%n", loadAverage());
			Stored after = stored();
			long storedBytes = after.bodyBytes() - before.bodyBytes();
			long tableBytes = after.tableBytes() - before.tableBytes();
			long storedSegments = Math.max(1, after.segments() - before.segments());
			System.out.printf(Locale.ROOT,
					"stored: %d segments, body bytes %.3f x bytes sent, table+TOAST+indexes %.3f x bytes sent, "
							+ "%.0f bytes of PostgreSQL per segment%n",
					after.segments() - before.segments(), storedBytes / (double) measured.ackedBytes.sum(),
					tableBytes / (double) measured.ackedBytes.sum(), tableBytes / (double) storedSegments);
			System.out.printf(Locale.ROOT, "objects: %d batch objects written, %.1f PUTs/s%n",
					after.batchObjects() - before.batchObjects(),
					(after.batchObjects() - before.batchObjects()) / measured.seconds);
			if (this.baseline) {
				double jdbc = baseline(bodies, measured.segmentsAcked.sum());
				System.out.printf(Locale.ROOT, "ratio: HTTP intake %.0f segments/s = %.2f x bare JDBC %.0f rows/s%n",
						measured.segmentsPerSecond(), measured.segmentsPerSecond() / jdbc, jdbc);
			}
		}
		System.out.printf(Locale.ROOT, "acknowledged segments written to %s%n", this.acked.toAbsolutePath());
	}

	private List<LoadRequest> precompute(LoadCorpus corpus, long count) throws Exception {
		int threads = Runtime.getRuntime().availableProcessors();
		LoadRequest[] requests = new LoadRequest[(int) count];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int first = t;
			done.add(pool.submit(() -> {
				for (int i = first; i < count; i += threads) {
					requests[i] = corpus.request(this.salt, i);
				}
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		return Arrays.asList(requests);
	}

	private static long cpuNanos(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime, in clock ticks of 10 ms
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	// the CPU time of every PostgreSQL process on this machine (server and backends)
	private static long postgresCpuNanos() {
		long total = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				try {
					if (Files.readString(process.resolve("stat")).contains("(postgres)")) {
						total += cpuNanos(Long.parseLong(process.getFileName().toString()));
					}
				}
				catch (IOException ex) {
					// the process ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
	}

	// the time all CPUs were busy (not idle or waiting for I/O), from /proc/stat
	private static long machineBusyNanos() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int i = 1; i < fields.length && i <= 8; i++) {
				if (i != 4 && i != 5) {
					busy += Long.parseLong(fields[i]);
				}
			}
			return busy * 10_000_000L;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String loadAverage() {
		try {
			return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "load average unknown";
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.jdbcUser, this.jdbcPassword);
	}

	private void setUpApplications() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (UUID id : List.of(TestCorpus.BROWSER_APPLICATION, TestCorpus.MOBILE_APPLICATION)) {
				statement.executeUpdate("insert into application (id, name) values ('" + id + "', 'load " + id
						+ "') on conflict do nothing");
				// the corpus was recorded long ago: keep what the load stores past the
				// retention job
				statement.executeUpdate("update application set retention_days = 3650 where id = '" + id + "'");
			}
			statement.executeUpdate("insert into client_token (id, name, token, all_applications) values ('"
					+ UUID.randomUUID() + "', 'load', '" + TestCorpus.CLIENT_TOKEN + "', true) on conflict do nothing");
		}
	}

	private Stored stored() throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("""
						select count(*), coalesce(sum(coalesce(length(body), object_length)), 0),
						    pg_total_relation_size('segment') + pg_total_relation_size('stored_object'),
						    (select count(*) from stored_object where kind = 'b')
						from segment""")) {
			row.next();
			return new Stored(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
		}
	}

	private double baseline(List<LoadRequest> bodies, long rows) throws Exception {
		List<SentSegment> segments = new ArrayList<>();
		for (LoadRequest request : bodies) {
			segments.addAll(request.segments());
			if (segments.size() >= rows) {
				break;
			}
		}
		String table = "load_baseline_" + Long.toHexString(System.nanoTime());
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table " + table + " (like segment including all)");
		}
		try {
			insertBaseline(table, segments.subList(0, Math.min(2000, segments.size())), "w");
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("truncate " + table);
				statement.execute("checkpoint");
			}
			long started = System.nanoTime();
			insertBaseline(table, segments, "m");
			double seconds = (System.nanoTime() - started) / 1e9;
			double perSecond = segments.size() / seconds;
			System.out.printf(Locale.ROOT,
					"bare JDBC: %d rows in %.1fs = %.0f rows/s (batches of 100, 4 connections)%n", segments.size(),
					seconds, perSecond);
			return perSecond;
		}
		finally {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("drop table " + table);
			}
		}
	}

	private void insertBaseline(String table, List<SentSegment> segments, String prefix) throws Exception {
		int threads = 4;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		Timestamp now = new Timestamp(System.currentTimeMillis());
		for (int t = 0; t < threads; t++) {
			int first = t;
			done.add(pool.submit(() -> {
				try (Connection connection = connect()) {
					connection.setAutoCommit(false);
					try (PreparedStatement insert = connection.prepareStatement("insert into " + table
							+ " (session_number, dedup_hash, sequence, format, encoding, first_event_at,"
							+ " last_event_at, body)" + " values (?, ?, null, 'datadog-browser', 'zlib', ?, ?, ?)")) {
						int inBatch = 0;
						for (int i = first; i < segments.size(); i += threads) {
							SentSegment segment = segments.get(i);
							insert.setLong(1, segment.sessionId().hashCode());
							insert.setLong(2, (prefix + i).hashCode());
							insert.setTimestamp(3, now);
							insert.setTimestamp(4, now);
							insert.setBytes(5, segment.body());
							insert.addBatch();
							if (++inBatch == 100) {
								insert.executeBatch();
								connection.commit();
								inBatch = 0;
							}
						}
						if (inBatch > 0) {
							insert.executeBatch();
							connection.commit();
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
	}

	private boolean verify(Path file) throws Exception {
		List<String[]> lines = Files.readAllLines(file).stream().map((line) -> line.split("\t")).toList();
		try (Connection connection = connect()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temporary table load_acked (session_id text, md5 text)");
			}
			try (PreparedStatement insert = connection
				.prepareStatement("insert into load_acked (session_id, md5) values (?, ?)")) {
				for (String[] line : lines) {
					insert.setString(1, line[0]);
					insert.setString(2, line[1]);
					insert.addBatch();
				}
				insert.executeBatch();
			}
			ObjectDigests.addStoredInObjects(connection);
			try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("""
					select count(*), count(*) filter (where not exists (select 1
					    from segment s join replay_session r on r.number = s.session_number
					    where r.id = a.session_id and md5(s.body) = a.md5)
					  and not exists (select 1 from load_object_md5 o
					    where o.session_id = a.session_id and o.md5 = a.md5))
					from load_acked a""")) {
				row.next();
				long missing = row.getLong(2);
				System.out.printf(Locale.ROOT, "verify: %d acknowledged segments, %d missing or different%n",
						row.getLong(1), missing);
				return missing == 0;
			}
		}
	}

	private record Stored(long segments, long bodyBytes, long tableBytes, long batchObjects) {

	}

	/**
	 * One timed phase of sending.
	 */
	private final class Phase {

		private final LoadCorpus corpus;

		private final String phaseSalt;

		private final List<LoadRequest> bodies;

		private final Duration length;

		private final BufferedWriter ackWriter;

		private final double rate;

		private final AtomicLong next = new AtomicLong();

		private final LongAdder segmentsAcked = new LongAdder();

		private final LongAdder ackedBytes = new LongAdder();

		private final LongAdder sentBytes = new LongAdder();

		private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

		private final List<long[]> latencies = new ArrayList<>();

		private double seconds;

		Phase(LoadCorpus corpus, String phaseSalt, List<LoadRequest> bodies, Duration length, BufferedWriter ackWriter,
				double rate) {
			this.corpus = corpus;
			this.phaseSalt = phaseSalt;
			this.bodies = bodies;
			this.length = length;
			this.ackWriter = ackWriter;
			this.rate = rate;
		}

		void run() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(IngestLoad.this.connections);
			long start = System.nanoTime();
			long end = start + this.length.toNanos();
			List<Future<long[]>> workers = new ArrayList<>();
			for (int i = 0; i < IngestLoad.this.connections; i++) {
				workers.add(pool.submit(() -> {
					// one keep-alive connection per worker, as the SDKs' uploads arrive
					try (KeepAliveConnection connection = new KeepAliveConnection(URI.create(IngestLoad.this.url))) {
						return work(connection, start, end);
					}
				}));
			}
			for (Future<long[]> worker : workers) {
				this.latencies.add(worker.get());
			}
			this.seconds = (System.nanoTime() - start) / 1e9;
			pool.shutdown();
			pool.awaitTermination(1, TimeUnit.MINUTES);
		}

		private long[] work(KeepAliveConnection connection, long start, long end) throws Exception {
			long[] latency = new long[1024];
			int n = 0;
			while (true) {
				long index = this.next.getAndIncrement();
				long intended = System.nanoTime();
				if (this.rate > 0) {
					intended = start + (long) (index * 1e9 / this.rate);
					long wait = intended - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
				}
				if (intended >= end || (this.bodies != null && index >= this.bodies.size())) {
					break;
				}
				LoadRequest request = (this.bodies != null) ? this.bodies.get((int) index)
						: this.corpus.request(this.phaseSalt, index);
				String status = send(connection, request);
				long took = System.nanoTime() - intended;
				if (n == latency.length) {
					latency = Arrays.copyOf(latency, n * 2);
				}
				latency[n++] = took;
				this.statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
				this.sentBytes.add(request.body().length);
				if (status.equals("202")) {
					this.segmentsAcked.add(request.segments().size());
					this.ackedBytes.add(request.body().length);
					if (this.ackWriter != null) {
						StringBuilder lines = new StringBuilder();
						for (SentSegment segment : request.segments()) {
							lines.append(segment.sessionId()).append('\t').append(segment.md5()).append('\n');
						}
						synchronized (this.ackWriter) {
							this.ackWriter.write(lines.toString());
						}
					}
				}
			}
			if (this.ackWriter != null) {
				synchronized (this.ackWriter) {
					this.ackWriter.flush();
				}
			}
			return Arrays.copyOf(latency, n);
		}

		private static String send(KeepAliveConnection connection, LoadRequest request) {
			try {
				return String.valueOf(connection.send(request));
			}
			catch (IOException ex) {
				return "io-error";
			}
		}

		double segmentsPerSecond() {
			return this.segmentsAcked.sum() / this.seconds;
		}

		String summary() {
			long[] all = this.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			long requests = all.length;
			Map<String, Long> byStatus = new TreeMap<>();
			this.statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
			return String.format(Locale.ROOT,
					"%d requests in %.1fs = %.0f req/s, %.0f segments/s acknowledged, %.1f MB/s sent;"
							+ " latency ms p50 %.1f p99 %.1f p99.9 %.1f max %.1f; statuses %s",
					requests, this.seconds, requests / this.seconds, segmentsPerSecond(),
					this.sentBytes.sum() / this.seconds / 1e6, percentile(all, 0.50), percentile(all, 0.99),
					percentile(all, 0.999), percentile(all, 1.0), byStatus);
		}

		private static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}
