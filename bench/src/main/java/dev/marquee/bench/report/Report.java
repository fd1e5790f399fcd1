package dev.marquee.bench.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.marquee.bench.load.LatencySummary;

/**
 * A scenario's results: its parameters, tables, notes, raw data for the JSON, and the
 * latency series of its chart.
 */
public final class Report {

	private final String scenario;

	private final Instant startedAt;

	private final String command;

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private final List<Table> tables = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final Map<String, Object> data = new LinkedHashMap<>();

	private final Map<String, LatencySummary> chart = new LinkedHashMap<>();

	private String chartTitle;

	private @Nullable TimeChart timeChart;

	/**
	 * A chart of values over time, drawn instead of the latency chart (the soak's heap
	 * per service).
	 *
	 * @param title the chart's title
	 * @param xAxis the x axis title
	 * @param yAxis the y axis title
	 * @param x the x values (e.g. seconds elapsed)
	 * @param series name → y values, one per x; NaN values are left out
	 */
	public record TimeChart(String title, String xAxis, String yAxis, List<Double> x,
			Map<String, List<Double>> series) {

	}

	/**
	 * A report.
	 * @param scenario the scenario's name
	 * @param startedAt when it started
	 * @param command the command line that ran it
	 */
	public Report(String scenario, Instant startedAt, String command) {
		this.scenario = scenario;
		this.startedAt = startedAt;
		this.command = command;
		this.chartTitle = scenario + " latency (ms)";
	}

	public Report parameter(String name, Object value) {
		this.parameters.put(name, value);
		return this;
	}

	public Report table(Table table) {
		this.tables.add(table);
		return this;
	}

	public Report note(String note) {
		this.notes.add(note);
		return this;
	}

	public Report data(String name, Object value) {
		this.data.put(name, value);
		return this;
	}

	/**
	 * Adds a series to the chart.
	 * @param name the series (e.g. a read path)
	 * @param latencies its distribution
	 * @return this report
	 */
	public Report chartSeries(String name, LatencySummary latencies) {
		if (latencies.count() > 0) {
			this.chart.put(name, latencies);
		}
		return this;
	}

	public Report timeChart(TimeChart chart) {
		this.timeChart = chart;
		return this;
	}

	public @Nullable TimeChart timeChart() {
		return this.timeChart;
	}

	/**
	 * @return whether {@code chart.png} is drawn
	 */
	public boolean hasChart() {
		return !this.chart.isEmpty() || this.timeChart != null;
	}

	public Report chartTitle(String title) {
		this.chartTitle = title;
		return this;
	}

	public String scenario() {
		return this.scenario;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public String command() {
		return this.command;
	}

	public Map<String, Object> parameters() {
		return this.parameters;
	}

	public List<Table> tables() {
		return this.tables;
	}

	public List<String> notes() {
		return this.notes;
	}

	public Map<String, Object> data() {
		return this.data;
	}

	public Map<String, LatencySummary> chart() {
		return this.chart;
	}

	public String chartTitle() {
		return this.chartTitle;
	}

	/**
	 * @return the report as Markdown: command, parameters, tables, notes
	 */
	public String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("## ").append(this.scenario).append("\n\n");
		out.append("Started ").append(this.startedAt).append(" — `").append(this.command).append("`\n\n");
		if (!this.parameters.isEmpty()) {
			out.append("Parameters: ");
			List<String> pairs = new ArrayList<>();
			this.parameters.forEach((key, value) -> pairs.add(key + "=" + Table.format(value)));
			out.append(String.join(", ", pairs)).append("\n\n");
		}
		for (Table table : this.tables) {
			out.append("### ").append(table.title()).append("\n\n").append(table.markdown()).append('\n');
		}
		if (!this.notes.isEmpty()) {
			for (String note : this.notes) {
				out.append("- ").append(note).append('\n');
			}
			out.append('\n');
		}
		if (this.timeChart != null) {
			out.append("![").append(this.timeChart.title()).append("](chart.png)\n");
		}
		else if (!this.chart.isEmpty()) {
			out.append("![").append(this.chartTitle).append("](chart.png)\n");
		}
		return out.toString();
	}

	/**
	 * @return the tables and notes for a terminal
	 */
	public String text() {
		StringBuilder out = new StringBuilder();
		for (Table table : this.tables) {
			out.append('\n').append(table.text());
		}
		if (!this.notes.isEmpty()) {
			out.append('\n');
			for (String note : this.notes) {
				out.append("* ").append(note).append('\n');
			}
		}
		return out.toString();
	}

}
