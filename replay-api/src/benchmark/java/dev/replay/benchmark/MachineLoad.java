package dev.replay.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How busy the machine's cores were while a benchmark ran, from Linux's {@code /proc}: all
 * processes, and the part that this JVM and the processes it started (ChromeDriver,
 * Chromium) took, so that a figure can be read against what other processes did meanwhile.
 * PostgreSQL answers the benchmark's queries in processes of its own, which count as other.
 */
final class MachineLoad {

	private static final Path STAT = Path.of("/proc/stat");

	private final int cores = Runtime.getRuntime().availableProcessors();

	private final long[] machineStart;

	private final long ownStart;

	private MachineLoad(long[] machine, long own) {
		this.machineStart = machine;
		this.ownStart = own;
	}

	/**
	 * Start measuring.
	 * @return the measurement, or {@code null} where {@code /proc} cannot be read
	 */
	static MachineLoad start() {
		long[] machine = machineJiffies();
		return (machine != null) ? new MachineLoad(machine, ownJiffies()) : null;
	}

	/**
	 * What the cores did since the start.
	 * @return a sentence with the busy share of all cores, of ours and of the others
	 */
	String describe() {
		long[] machine = machineJiffies();
		if (machine == null) {
			return "unknown";
		}
		double all = machine[0] - this.machineStart[0];
		double busy = machine[1] - this.machineStart[1];
		double own = ownJiffies() - this.ownStart;
		return String.format(
				"%d cores busy %.0f %% of the time: this benchmark (JVM, ChromeDriver, Chromium) %.0f %%, "
						+ "other processes %.0f %% (%.1f cores' worth)",
				this.cores, 100 * busy / all, 100 * own / all, 100 * Math.max(0, busy - own) / all,
				this.cores * Math.max(0, busy - own) / all);
	}

	// total and busy jiffies of all cores
	private static long[] machineJiffies() {
		try {
			String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < fields.length; i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total, total - idle };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	// user and system jiffies of this JVM and its descendants, living or reaped
	private static long ownJiffies() {
		ProcessHandle self = ProcessHandle.current();
		return Stream.concat(Stream.of(self), self.descendants()).mapToLong(MachineLoad::jiffies).sum();
	}

	private static long jiffies(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			// the fields after the command, which is in parentheses and may hold spaces
			List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
			// utime, stime, cutime, cstime are fields 14 to 17 of the line, 12 to 15 here
			return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)) + Long.parseLong(fields.get(13))
					+ Long.parseLong(fields.get(14));
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
