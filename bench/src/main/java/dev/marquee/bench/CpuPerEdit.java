package dev.marquee.bench;

import java.util.Map;

import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;

/**
 * The "CPU per edit" table every write scenario prints: each platform process's CPU time
 * over a load, per accepted edit and as cores kept busy.
 */
final class CpuPerEdit {

	private CpuPerEdit() {
	}

	/**
	 * Adds the table (and its raw figures) to a report.
	 * @param report the report
	 * @param label what the load was, e.g. {@code overlay on}
	 * @param used process → CPU milliseconds over the load
	 * @param edits edits accepted during it
	 * @param seconds how long it took
	 */
	static void table(Report report, String label, Map<String, Long> used, long edits, double seconds) {
		Table table = Table.of("CPU per edit, " + label + " (/proc/<pid>/stat)", "process", "CPU s", "CPU ms per edit",
				"cores busy");
		long total = 0;
		for (Map.Entry<String, Long> process : used.entrySet()) {
			total += process.getValue();
			table.row(process.getKey(), seconds(process.getValue()), perEdit(process.getValue(), edits),
					round(process.getValue() / 1000.0 / seconds));
		}
		table.row("all", seconds(total), perEdit(total, edits), round(total / 1000.0 / seconds));
		report.table(table);
		report.data("cpuMillis." + label.replace(' ', '-'), used);
		if (used.isEmpty()) {
			report.note("No process CPU: the pid files under --marquee-home were not found (a platform not started by "
					+ "./marquee up, or another MARQUEE_HOME).");
		}
	}

	private static double seconds(long millis) {
		return round(millis / 1000.0);
	}

	private static double perEdit(long millis, long edits) {
		return (edits > 0) ? round((double) millis / edits) : Double.NaN;
	}

	private static double round(double value) {
		return Math.round(value * 100.0) / 100.0;
	}

}
