package dev.marquee.page.source;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.marquee.model.ReadPath;

/**
 * Every read path's source, by path.
 */
@Component
public class PageSources {

	private final Map<ReadPath, PageSource> sources = new EnumMap<>(ReadPath.class);

	public PageSources(List<PageSource> sources) {
		sources.forEach((source) -> this.sources.put(source.path(), source));
		for (ReadPath path : ReadPath.values()) {
			if (!this.sources.containsKey(path)) {
				throw new IllegalStateException("no page source for read path " + path);
			}
		}
	}

	/**
	 * @param path a read path
	 * @return its source
	 */
	public PageSource get(ReadPath path) {
		return this.sources.get(path);
	}

}
