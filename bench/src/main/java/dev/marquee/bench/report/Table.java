package dev.marquee.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One results table: a title, column names and rows of values (numbers stay numbers in
 * the JSON).
 *
 * @param title what the table shows
 * @param columns the column names
 * @param rows the rows, each as long as {@code columns}
 */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

	public Table {
		columns = List.copyOf(columns);
		rows = new ArrayList<>(rows);
	}

	/**
	 * An empty table.
	 * @param title its title
	 * @param columns its columns
	 * @return the table
	 */
	public static Table of(String title, String... columns) {
		return new Table(title, Arrays.asList(columns), new ArrayList<>());
	}

	/**
	 * Adds a row.
	 * @param values one per column
	 * @return this table
	 */
	public Table row(Object... values) {
		if (values.length != this.columns.size()) {
			throw new IllegalArgumentException("row has " + values.length + " values for " + this.columns.size()
					+ " columns: " + Arrays.toString(values));
		}
		this.rows.add(Arrays.asList(values));
		return this;
	}

	/**
	 * Formats a cell: numbers with precision that suits their size, the rest as text.
	 * @param value the cell
	 * @return its text
	 */
	public static String format(Object value) {
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			if (Double.isNaN(d)) {
				return "n/a";
			}
			double abs = Math.abs(d);
			if (abs >= 1000 || d == Math.rint(d) && abs >= 100) {
				return String.format(Locale.ROOT, "%,.0f", d);
			}
			if (abs >= 10) {
				return String.format(Locale.ROOT, "%.1f", d);
			}
			return String.format(Locale.ROOT, "%.2f", d);
		}
		if (value instanceof Long || value instanceof Integer) {
			return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
		}
		return String.valueOf(value);
	}

	/**
	 * @return the table in GitHub Markdown
	 */
	public String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("| ").append(String.join(" | ", this.columns)).append(" |\n");
		out.append("|");
		for (int i = 0; i < this.columns.size(); i++) {
			out.append((i == 0) ? " --- |" : " ---: |");
		}
		out.append('\n');
		for (List<Object> row : this.rows) {
			out.append("| ");
			for (int i = 0; i < row.size(); i++) {
				out.append((i > 0) ? " | " : "").append(format(row.get(i)).replace("|", "\\|"));
			}
			out.append(" |\n");
		}
		return out.toString();
	}

	/**
	 * @return the table aligned for a terminal
	 */
	public String text() {
		int[] widths = new int[this.columns.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.columns.get(i).length();
		}
		for (List<Object> row : this.rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], format(row.get(i)).length());
			}
		}
		StringBuilder out = new StringBuilder(this.title).append('\n');
		appendLine(out, this.columns.stream().map(Object.class::cast).toList(), widths, false);
		int total = Arrays.stream(widths).sum() + 3 * (widths.length - 1);
		out.append("-".repeat(total)).append('\n');
		for (List<Object> row : this.rows) {
			appendLine(out, row, widths, true);
		}
		return out.toString();
	}

	private static void appendLine(StringBuilder out, List<Object> cells, int[] widths, boolean alignNumbers) {
		for (int i = 0; i < cells.size(); i++) {
			String text = format(cells.get(i));
			boolean right = alignNumbers && i > 0 && cells.get(i) instanceof Number;
			String padded = right ? " ".repeat(widths[i] - text.length()) + text
					: text + " ".repeat(widths[i] - text.length());
			out.append((i > 0) ? " | " : "").append(padded);
		}
		out.append('\n');
	}

}
