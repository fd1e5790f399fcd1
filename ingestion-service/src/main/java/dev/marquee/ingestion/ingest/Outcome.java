package dev.marquee.ingestion.ingest;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.ingest.IngestionResult.AffectedPage;
import dev.marquee.ingestion.ingest.IngestionResult.FailedPage;
import dev.marquee.model.ConsistencyToken;

/**
 * What a write did.
 *
 * @param pages the page stages published
 * @param problems the page stages that failed to re-render
 * @param token where the published batches stand on each path, null if nothing was
 * published
 */
public record Outcome(List<AffectedPage> pages, List<FailedPage> problems, @Nullable ConsistencyToken token) {

	static Outcome nothing() {
		return new Outcome(List.of(), List.of(), null);
	}

	/**
	 * This write followed by another.
	 * @param next the later write
	 * @return the pages and problems of both, and a token a reader that caught up with
	 * both has passed
	 */
	Outcome and(Outcome next) {
		List<AffectedPage> allPages = new ArrayList<>(this.pages);
		allPages.addAll(next.pages());
		List<FailedPage> allProblems = new ArrayList<>(this.problems);
		allProblems.addAll(next.problems());
		ConsistencyToken merged = (this.token == null) ? next.token()
				: (next.token() == null) ? this.token : this.token.merge(next.token());
		return new Outcome(allPages, allProblems, merged);
	}

	/**
	 * The token as clients get it.
	 * @return the encoded token, null if nothing was published
	 */
	@Nullable String encodedToken() {
		return (this.token != null) ? this.token.encode() : null;
	}

}
