package dev.marquee.ingestion;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;

import dev.marquee.ingestion.IngestionProperties.WritePath;
import dev.marquee.ingestion.IngestionProperties.WritePaths;

/**
 * Lets {@code marquee.write-paths=KAFKA} (or {@code KAFKA,HOLLOW}) stand for the enabled
 * paths with every other write-path setting at its default, as the platform's launcher
 * and tests write it.
 */
class WritePathsShorthand implements Converter<String, WritePaths> {

	@Override
	public WritePaths convert(String source) {
		Set<WritePath> enabled = EnumSet.noneOf(WritePath.class);
		Arrays.stream(source.split(","))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.forEach((name) -> enabled.add(WritePath.valueOf(name.toUpperCase(Locale.ROOT))));
		return new WritePaths(enabled, new IngestionProperties.Kafka(Duration.ofSeconds(10)),
				new IngestionProperties.Hollow(URI.create("http://127.0.0.1:8083"), Duration.ofSeconds(2),
						Duration.ofSeconds(15)));
	}

}
