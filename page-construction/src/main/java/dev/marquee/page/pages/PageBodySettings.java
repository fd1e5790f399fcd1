package dev.marquee.page.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How served page bodies are kept ({@code marquee.pages.*}).
 *
 * @param bodyCache the most serialized page bodies (JSON plus gzip copies) kept in
 * memory; a page read is then a copy of bytes, not a serialization of ~50 elements
 * @param gzipAbove bodies at least this large are sent gzip-compressed to clients that
 * accept it (smaller ones gain too little for the CPU)
 */
@ConfigurationProperties("marquee.pages")
public record PageBodySettings(@DefaultValue("128MB") DataSize bodyCache, @DefaultValue("1KB") DataSize gzipAbove) {
}
