package dev.marquee.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import dev.marquee.bench.load.LatencySummary;
import dev.marquee.model.json.MarqueeJson;

/**
 * Writes a report into its own timestamped folder: {@code result.json}, {@code result.md}
 * and, when the report has latency series, {@code chart.png}.
 */
public final class ReportWriter {

	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private ReportWriter() {
	}

	/**
	 * Writes a report.
	 * @param report the report
	 * @param root the results folder, e.g. {@code bench-results}
	 * @return the folder written
	 */
	public static Path write(Report report, Path root) throws IOException {
		Path folder = root.resolve(FOLDER.format(report.startedAt()) + "-" + report.scenario());
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("result.json"), json(report), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("result.md"), report.markdown(), StandardCharsets.UTF_8);
		Report.TimeChart timeChart = report.timeChart();
		if (timeChart != null) {
			timeChart(timeChart, folder.resolve("chart.png"));
		}
		else if (!report.chart().isEmpty()) {
			chart(report, folder.resolve("chart.png"));
		}
		return folder;
	}

	static String json(Report report) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("scenario", report.scenario());
		document.put("startedAt", report.startedAt().toString());
		document.put("command", report.command());
		document.put("parameters", report.parameters());
		document.put("tables", report.tables());
		document.put("notes", report.notes());
		document.put("latencies", report.chart());
		document.put("timeChart", report.timeChart());
		document.put("data", report.data());
		return MarqueeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
	}

	static void chart(Report report, Path file) throws IOException {
		System.setProperty("java.awt.headless", "true");
		CategoryChart chart = new CategoryChartBuilder().width(1000)
			.height(560)
			.title(report.chartTitle())
			.xAxisTitle("percentile")
			.yAxisTitle("milliseconds (log)")
			.build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		chart.getStyler().setYAxisLogarithmic(true);
		// Lines, not bars: a logarithmic axis has no zero for bars to grow from, and the
		// paths differ by orders of
		// magnitude (milliseconds against tens of seconds), which only a log axis shows.
		chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
		for (Map.Entry<String, LatencySummary> series : report.chart().entrySet()) {
			Map<String, Double> percentiles = series.getValue().percentiles();
			// A logarithmic axis cannot show 0; one microsecond is below anything
			// measured over HTTP.
			List<Double> values = percentiles.values().stream().map((v) -> Math.max(v, 0.001)).toList();
			chart.addSeries(series.getKey(), List.copyOf(percentiles.keySet()), values);
		}
		String name = file.getFileName().toString().replaceAll("\\.png$", "");
		BitmapEncoder.saveBitmap(chart, file.resolveSibling(name).toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	static void timeChart(Report.TimeChart timeChart, Path file) throws IOException {
		System.setProperty("java.awt.headless", "true");
		XYChart chart = new XYChartBuilder().width(1000)
			.height(560)
			.title(timeChart.title())
			.xAxisTitle(timeChart.xAxis())
			.yAxisTitle(timeChart.yAxis())
			.build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
		for (Map.Entry<String, List<Double>> series : timeChart.series().entrySet()) {
			List<Double> x = new java.util.ArrayList<>();
			List<Double> y = new java.util.ArrayList<>();
			// A service that did not answer a scrape has no point there, rather than a
			// drop to zero.
			for (int i = 0; i < Math.min(timeChart.x().size(), series.getValue().size()); i++) {
				double value = series.getValue().get(i);
				if (Double.isFinite(value)) {
					x.add(timeChart.x().get(i));
					y.add(value);
				}
			}
			if (!x.isEmpty()) {
				chart.addSeries(series.getKey(), x, y);
			}
		}
		String name = file.getFileName().toString().replaceAll("\\.png$", "");
		BitmapEncoder.saveBitmap(chart, file.resolveSibling(name).toString(), BitmapEncoder.BitmapFormat.PNG);
	}

}
