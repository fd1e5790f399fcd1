package dev.marquee.ingestion.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import dev.marquee.model.json.MarqueeJson;

/**
 * The page templates, loaded once from {@code classpath:templates/*.json}.
 */
@Component
public class Templates {

	private static final Logger logger = LoggerFactory.getLogger(Templates.class);

	private final Map<String, Template> byName;

	public Templates() {
		this(load());
	}

	Templates(Map<String, Template> byName) {
		this.byName = Map.copyOf(byName);
	}

	public Optional<Template> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	public Map<String, Template> all() {
		return new TreeMap<>(this.byName);
	}

	private static Map<String, Template> load() {
		Map<String, Template> templates = new TreeMap<>();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:templates/*.json");
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					Template template = MarqueeJson.mapper().readValue(in, Template.class);
					templates.put(template.name(), template);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (templates.isEmpty()) {
			throw new IllegalStateException("No page templates found in classpath:templates/*.json");
		}
		logger.info("Loaded page templates {}", templates.keySet());
		return templates;
	}

}
