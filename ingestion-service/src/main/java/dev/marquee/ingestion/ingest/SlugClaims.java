package dev.marquee.ingestion.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.store.SlugClaimStore;
import dev.marquee.ingestion.store.StoreRequests;
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

	/**
	 * How long the winner of a split claim waits for the losers to give their stages
	 * back.
	 */
	private static final Duration SPLIT_SETTLE = Duration.ofSeconds(2);

	private static final Duration SPLIT_RETRY_PAUSE = Duration.ofMillis(10);

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
	 * Starts reading who holds a slug in some stages, before the delivery's other checks
	 * (a plain read, see {@link SlugClaimStore#slugOwner}).
	 * @param stages the stages the delivery may write
	 * @param slug the slug it asks for
	 * @return the reads per stage, none for an unusable slug
	 */
	Map<Stage, CompletableFuture<Optional<String>>> owners(Set<Stage> stages, @Nullable String slug) {
		Map<Stage, CompletableFuture<Optional<String>>> owners = new EnumMap<>(Stage.class);
		if (usable(slug)) {
			for (Stage stage : stages) {
				owners.put(stage, this.store.slugOwner(stage, slug));
			}
		}
		return owners;
	}

	/**
	 * Starts reading the slugs a page holds, so giving them back after its write needs no
	 * read: only the page's own deliveries (under its lock) change its claims.
	 * @param pageId the page
	 * @return the read
	 */
	CompletableFuture<Map<Stage, List<String>>> held(String pageId) {
		return this.store.slugsClaimedBy(pageId);
	}

	/**
	 * Claims a page's slug for some stages, the stages' claims in flight together.
	 * @param pageId the page
	 * @param stages the stages the delivery writes
	 * @param slug the slug it asks for; an unusable one claims nothing (the renderer
	 * refuses it)
	 * @param owners who held it when the delivery began ({@link #owners})
	 * @return the stages claimed now (not held before), to give back if the write fails
	 * @throws IngestionRefusedException {@code SLUG_TAKEN} naming the owner when another
	 * page holds the slug in the deciding stage (the first of them), or still holds it in
	 * another once a race has settled ({@code settleSplit}); nothing stays claimed then
	 */
	List<Stage> claim(String pageId, Set<Stage> stages, @Nullable String slug, Map<Stage, Optional<String>> owners) {
		List<Stage> claimed = new ArrayList<>();
		if (!usable(slug) || stages.isEmpty()) {
			return claimed;
		}
		Map<Stage, CompletableFuture<Optional<String>>> claims = new EnumMap<>(Stage.class);
		Stage deciding = stages.stream().min(Stage::compareTo).orElseThrow();
		Optional<String> decidingOwner = owners.getOrDefault(deciding, Optional.empty());
		if (decidingOwner.isPresent() && !decidingOwner.get().equals(pageId)) {
			throw taken(slug, deciding, decidingOwner.get());
		}
		for (Stage stage : stages) {
			Optional<String> owner = owners.getOrDefault(stage, Optional.empty());
			// Only the deciding stage's holder refuses at once (settleSplit): another
			// stage's may be the loser of a race, giving it back.
			if (owner.isEmpty() || !owner.get().equals(pageId)) {
				// The lightweight transaction decides; the read only spared it.
				claims.put(stage, this.store.claimSlug(stage, slug, pageId));
			}
		}
		RuntimeException failure = null;
		try {
			StoreRequests.awaitAll(claims.values());
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		Map<Stage, String> lost = new EnumMap<>(Stage.class);
		for (Map.Entry<Stage, CompletableFuture<Optional<String>>> claim : claims.entrySet()) {
			if (claim.getValue().isCompletedExceptionally()) {
				continue;
			}
			Optional<String> other = claim.getValue().join();
			if (other.isEmpty()) {
				claimed.add(claim.getKey());
			}
			else {
				lost.put(claim.getKey(), other.get());
			}
		}
		if (failure == null && !lost.isEmpty()) {
			failure = settleSplit(pageId, slug, stages, lost, claimed);
		}
		if (failure != null) {
			giveBack(pageId, claimed, slug, failure);
			throw failure;
		}
		return claimed;
	}

	/**
	 * Decides a claim that lost some stages. Two pages racing for one slug in the same
	 * stages can split them (each transaction has its own winner), and if both then gave
	 * back what they won, neither would have the slug. So the first of the claimed stages
	 * decides: the page that won it takes the stages it lost too, which their holders,
	 * having lost that first stage, are giving back; the others give back and are
	 * refused. A stage still held after {@link #SPLIT_SETTLE} belongs to a page that won
	 * it for good (another delivery's claim of fewer stages), and the claim is refused.
	 * @return the refusal, or null when every stage is now claimed (added to
	 * {@code claimed})
	 */
	private @Nullable RuntimeException settleSplit(String pageId, String slug, Set<Stage> stages,
			Map<Stage, String> lost, List<Stage> claimed) {
		Stage deciding = stages.stream().min(Stage::compareTo).orElseThrow();
		if (lost.containsKey(deciding)) {
			return taken(slug, deciding, lost.get(deciding));
		}
		long deadline = System.nanoTime() + SPLIT_SETTLE.toNanos();
		for (Map.Entry<Stage, String> stage : lost.entrySet()) {
			String holder = stage.getValue();
			while (true) {
				LockSupport.parkNanos(SPLIT_RETRY_PAUSE.toNanos());
				Optional<String> other = StoreRequests.await(this.store.claimSlug(stage.getKey(), slug, pageId));
				if (other.isEmpty()) {
					claimed.add(stage.getKey());
					break;
				}
				holder = other.get();
				if (System.nanoTime() - deadline > 0) {
					return taken(slug, stage.getKey(), holder);
				}
			}
		}
		logger.info("Page {} won slug {} ({}) in a race with another page and took its other stages {}", pageId, slug,
				deciding, lost.keySet());
		return null;
	}

	private static IngestionRefusedException taken(String slug, Stage stage, String owner) {
		return new IngestionRefusedException(IngestionRefusedException.Reason.SLUG_TAKEN,
				"Slug '" + slug + "' (" + stage + ") belongs to page " + owner
						+ "; nothing was published. Give this page another slug, or move or remove the other "
						+ "page first")
			.with("slug", slug)
			.with("stage", stage.name())
			.with("owner", owner);
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
				StoreRequests.await(this.store.releaseSlug(stage, slug, pageId));
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
				logger.warn("Page {} keeps its claim of slug {} ({}) after a failed write: {}", pageId, slug, stage,
						ex.toString());
			}
		}
	}

	/**
	 * Releases every slug a page holds in some stages except the one it keeps, the
	 * releases in flight together.
	 * @param pageId the page
	 * @param stages the stages
	 * @param keep the slug the page now has, null when the stages were removed
	 * @param held the slugs it held when its delivery began ({@link #held}); a slug
	 * claimed since is the one it keeps
	 * @return the releases
	 */
	CompletableFuture<Void> releaseAll(String pageId, Set<Stage> stages, @Nullable String keep,
			Map<Stage, List<String>> held) {
		List<CompletableFuture<Void>> releases = new ArrayList<>();
		for (Stage stage : stages) {
			for (String slug : held.getOrDefault(stage, List.of())) {
				if (!slug.equals(keep)) {
					releases.add(this.store.releaseSlug(stage, slug, pageId));
				}
			}
		}
		return StoreRequests.all(releases);
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
		Optional<String> owner = StoreRequests.await(this.store.slugOwner(stage, slug));
		if (owner.isEmpty()) {
			return StoreRequests.await(this.store.claimSlug(stage, slug, pageId));
		}
		return owner.filter((holder) -> !holder.equals(pageId));
	}

	private static boolean usable(@Nullable String slug) {
		return slug != null && !slug.isBlank() && slug.length() <= IncomingChange.MAX_ID_LENGTH;
	}

}
