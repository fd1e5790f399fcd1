package dev.marquee.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TableTests {

	@Test
	void formatsNumbersByTheirSize() {
		assertThat(Table.format(0.1234)).isEqualTo("0.12");
		assertThat(Table.format(12.34)).isEqualTo("12.3");
		assertThat(Table.format(1234.5)).isEqualTo("1,235");
		assertThat(Table.format(200.0)).isEqualTo("200");
		assertThat(Table.format(1_000_000L)).isEqualTo("1,000,000");
		assertThat(Table.format(Double.NaN)).isEqualTo("n/a");
		assertThat(Table.format("HOLLOW")).isEqualTo("HOLLOW");
	}

	@Test
	void alignsColumnsForTheTerminal() {
		String text = Table.of("Latency", "path", "p99").row("HOLLOW", 1.5).row("KAFKA_CASSANDRA", 120.25).text();
		// Numbers are right-aligned under their header.
		assertThat(text.lines().toList()).containsExactly("Latency", "path            | p99  ", "-".repeat(23),
				"HOLLOW          |  1.50", "KAFKA_CASSANDRA | 120.3");
	}

	@Test
	void escapesPipesInMarkdownCells() {
		assertThat(Table.of("t", "a").row("x|y").markdown()).contains("| x\\|y |");
	}

	@Test
	void refusesARowOfTheWrongWidth() {
		assertThatIllegalArgumentException().isThrownBy(() -> Table.of("t", "a", "b").row("only one"));
	}

}
