package dev.marquee.ingestion.content;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.Stage;

/**
 * What the integrity rules know of a document.
 *
 * @param highest the highest CMS version seen, removals included
 * @param removed whether every stage it has is removed
 * @param owner the source that created it (null only for one never written)
 * @param stages the version of each stage it has had content or a removal for
 */
public record DocumentState(long highest, boolean removed, @Nullable String owner, Map<Stage, StageVersion> stages) {

	public DocumentState {
		stages = stages.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stages));
	}

}
