package dev.marquee.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.marquee.bench.load.LatencySummary;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTests {

	@TempDir
	Path results;

	private final Report report = new Report("pages", Instant.parse("2026-11-26T04:30:00Z"), "./marquee bench pages")
		.parameter("rate", 200.0)
		.table(Table.of("Page construction (ms)", "path", "count", "p99")
			.row("HOLLOW", 4000L, 1.234)
			.row("KAFKA_CASSANDRA", 4000L, 2.5))
		.note("measured on two cores")
		.chartSeries("HOLLOW", new LatencySummary(4000, 0.5, 0.9, 1.234, 3.0, 7.5, 0.6))
		.chartSeries("KAFKA_CASSANDRA", new LatencySummary(4000, 0.7, 1.1, 2.5, 5.0, 12.0, 0.8));

	@Test
	void writesJsonMarkdownAndChartIntoATimestampedFolder() throws Exception {
		Path folder = ReportWriter.write(this.report, this.results);
		assertThat(folder.getFileName().toString()).isEqualTo("20261126-043000-pages");
		assertThat(folder.resolve("result.json")).exists();
		assertThat(folder.resolve("result.md")).exists();
		byte[] png = Files.readAllBytes(folder.resolve("chart.png"));
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void keepsNumbersAsNumbersInTheJson() throws Exception {
		JsonNode json = MarqueeJson.mapper().readTree(ReportWriter.json(this.report));
		assertThat(json.get("scenario").asString()).isEqualTo("pages");
		assertThat(json.get("command").asString()).isEqualTo("./marquee bench pages");
		JsonNode row = json.get("tables").get(0).get("rows").get(0);
		assertThat(row.get(0).asString()).isEqualTo("HOLLOW");
		assertThat(row.get(2).isNumber()).isTrue();
		assertThat(row.get(2).asDouble()).isEqualTo(1.234);
		assertThat(json.get("latencies").get("HOLLOW").get("p99Ms").asDouble()).isEqualTo(1.234);
	}

	@Test
	void rendersMarkdownWithCommandTablesNotesAndChart() {
		String markdown = this.report.markdown();
		assertThat(markdown).contains("`./marquee bench pages`")
			.contains("| path | count | p99 |")
			.contains("| HOLLOW | 4,000 | 1.23 |")
			.contains("- measured on two cores")
			.contains("](chart.png)");
	}

	@Test
	void skipsTheChartWhenThereIsNoLatencySeries() throws Exception {
		Report memory = new Report("memory", Instant.parse("2026-11-26T04:31:00Z"), "./marquee bench memory")
			.table(Table.of("sizes", "what", "bytes").row("raw", 10L))
			.chartSeries("empty", LatencySummary.EMPTY);
		Path folder = ReportWriter.write(memory, this.results);
		assertThat(folder.resolve("result.md")).exists();
		assertThat(folder.resolve("chart.png")).doesNotExist();
	}

	@Test
	void drawsATimeChartInsteadOfLatenciesWhenTheReportHasOne() throws Exception {
		Report soak = new Report("soak", Instant.parse("2026-11-26T04:32:00Z"), "./marquee bench soak")
			.timeChart(new Report.TimeChart("heap after GC", "seconds", "MB", java.util.List.of(15.0, 30.0, 45.0),
					java.util.Map.of("ingestion", java.util.List.of(50.0, Double.NaN, 52.0))));
		Path folder = ReportWriter.write(soak, this.results);
		assertThat(Files.readAllBytes(folder.resolve("chart.png"))).startsWith(0x89, 'P', 'N', 'G');
		assertThat(soak.markdown()).contains("![heap after GC](chart.png)");
		JsonNode json = MarqueeJson.mapper().readTree(ReportWriter.json(soak));
		assertThat(json.get("timeChart").get("series").get("ingestion").get(0).asDouble()).isEqualTo(50.0);
	}

}
