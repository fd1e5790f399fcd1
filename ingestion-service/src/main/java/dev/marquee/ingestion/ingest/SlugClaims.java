package dev.marquee.ingestion.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.store.SlugClaimStore;
import dev.marquee.model.Stage;

/**
 * One page per slug and stage, with the write-side store as the authority
 * ({@code slug_claims}).
 *
 * <p>
 * A page claims its slug for every stage a delivery writes <em>before</em> any content
 * version is drawn for it, and a page gives a slug back (rename, unpublish, delete) only
 * <em>after</em> every write path accepted the change that left it. So when page B takes
 * over a slug page A left, B's content version is greater than A's: both read paths apply
 * changes last-write-wins on it (Cassandra {@code USING TIMESTAMP}, Hollow per page key),
 * and A's removal of its old slug row cannot shadow B's row in whatever order the
 * consumer applies the two partitions.
 *
 * <p>
 * The claim itself is a lightweight transaction, so it stays exclusive across threads and
 * instances; the ordering above relies on the page locks ({@link PageLocks}), which
 * assume one instance (module README).
 */
@Component
class SlugClaims {

	private static final Logger logger = LoggerFactory.getLogger(SlugClaims.class);

	private final SlugClaimStore store;

	SlugClaims(SlugClaimStore store) {
		this.store = store;
	}

	/**
	 * Claims the slugs of the page stages published before slugs were claimed, once (see
	 * {@link SlugClaimStore#claimPublishedSlugs()}).
	 * @return the number of claims made
	 */
	int claimPublished() {
		return this.store.claimPublishedSlugs();
	}

	/**
	 * Claims a page's slug for some stages.
	 * @param pageId the page
	 * @param stages the stages the delivery writes
	 * @param slug the slug it asks for; an unusable one claims nothing (the renderer
	 * refuses it)
	 * @return the stages claimed now (not held before), to give back if the write fails
	 * @throws IngestionRefusedException {@code SLUG_TAKEN} naming the owner when another
	 * page holds the slug in one of the stages; nothing stays claimed then
	 */
	List<Stage> claim(String pageId, Set<Stage> stages, @Nullable String slug) {
		List<Stage> claimed = new ArrayList<>();
		if (!usable(slug)) {
			return claimed;
		}
		for (Stage stage : stages) {
			Optional<String> owner = this.store.slugOwner(stage, slug);
			if (owner.isPresent() && owner.get().equals(pageId)) {
				continue;
			}
			if (owner.isEmpty()) {
				owner = this.store.claimSlug(stage, slug, pageId);
			}
			if (owner.isPresent()) {
				IngestionRefusedException taken = new IngestionRefusedException(
						IngestionRefusedException.Reason.SLUG_TAKEN,
						"Slug '" + slug + "' (" + stage + ") belongs to page " + owner.get()
								+ "; nothing was published. Give this page another slug, or move or remove the other "
								+ "page first")
					.with("slug", slug)
					.with("stage", stage.name())
					.with("owner", owner.get());
				giveBack(pageId, claimed, slug, taken);
				throw taken;
			}
			claimed.add(stage);
		}
		return claimed;
	}

	/**
	 * Gives back the claims a failed write made; best effort, since the store may be what
	 * failed. A claim left behind is released by the page's next successful write of the
	 * stage.
	 */
	void giveBack(String pageId, List<Stage> claimed, @Nullable String slug, RuntimeException failure) {
		if (slug == null) {
			return;
		}
		for (Stage stage : claimed) {
			try {
				this.store.releaseSlug(stage, slug, pageId);
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
				logger.warn("Page {} keeps its claim of slug {} ({}) after a failed write: {}", pageId, slug, stage,
						ex.toString());
			}
		}
	}

	/**
	 * Releases every slug a page holds in some stages except the one it keeps.
	 * @param pageId the page
	 * @param stages the stages
	 * @param keep the slug the page now has, null when the stages were removed
	 */
	void releaseAll(String pageId, Set<Stage> stages, @Nullable String keep) {
		for (Stage stage : stages) {
			for (String slug : this.store.slugsClaimedBy(pageId, stage)) {
				if (!slug.equals(keep)) {
					this.store.releaseSlug(stage, slug, pageId);
				}
			}
		}
	}

	/**
	 * Before a re-render from the store: the page claims its stored slug if it is free.
	 * @param pageId the page
	 * @param stage the stage re-rendered
	 * @param slug its stored slug
	 * @return the other page holding the slug, empty when this page holds it
	 */
	Optional<String> holderForRerender(String pageId, Stage stage, @Nullable String slug) {
		if (!usable(slug)) {
			return Optional.empty();
		}
		Optional<String> owner = this.store.slugOwner(stage, slug);
		if (owner.isEmpty()) {
			return this.store.claimSlug(stage, slug, pageId);
		}
		return owner.filter((holder) -> !holder.equals(pageId));
	}

	private static boolean usable(@Nullable String slug) {
		return slug != null && !slug.isBlank() && slug.length() <= IncomingChange.MAX_ID_LENGTH;
	}

}
