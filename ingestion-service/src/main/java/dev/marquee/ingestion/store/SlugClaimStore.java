package dev.marquee.ingestion.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.RowMapper;
import org.springframework.stereotype.Component;

import dev.marquee.model.Stage;

/**
 * The one page holding each slug per stage ({@code slug_claims}, claimed and released
 * with lightweight transactions) and the slugs each page holds
 * ({@code slug_claims_by_page}).
 */
@Component
public class SlugClaimStore {

	private static final Logger logger = LoggerFactory.getLogger(SlugClaimStore.class);

	private static final RowMapper<String> STAGE = (row, index) -> row.getString("stage");

	private final CqlSession session;

	private final CqlOperations cql;

	private final PreparedStatement selectSlugOwner;

	private final PreparedStatement claimSlug;

	private final PreparedStatement releaseSlug;

	private final PreparedStatement insertClaimOfPage;

	private final PreparedStatement deleteClaimOfPage;

	private final PreparedStatement selectClaimsOfPage;

	public SlugClaimStore(CqlSession session, CqlOperations cql, WriteSchema schema) {
		// Raw prepared statements, bound directly and sent asynchronously: they are on a
		// webhook's path, where every request counts (package-info).
		this.session = session;
		this.cql = cql;
		this.selectSlugOwner = session
			.prepare("SELECT page_id FROM marquee_write.slug_claims WHERE stage = ? AND slug = ?");
		this.claimSlug = session
			.prepare("INSERT INTO marquee_write.slug_claims (stage, slug, page_id) VALUES (?, ?, ?) IF NOT EXISTS");
		this.releaseSlug = session
			.prepare("DELETE FROM marquee_write.slug_claims WHERE stage = ? AND slug = ? IF page_id = ?");
		this.insertClaimOfPage = session
			.prepare("INSERT INTO marquee_write.slug_claims_by_page (page_id, stage, slug) VALUES (?, ?, ?)");
		this.deleteClaimOfPage = session
			.prepare("DELETE FROM marquee_write.slug_claims_by_page WHERE page_id = ? AND stage = ? AND slug = ?");
		this.selectClaimsOfPage = session
			.prepare("SELECT stage, slug FROM marquee_write.slug_claims_by_page WHERE page_id = ?");
	}

	/**
	 * The page that holds a slug in a stage.
	 * @param stage the stage
	 * @param slug the slug
	 * @return the owning page, empty when the slug is free (asynchronously: read with the
	 * delivery's other reads)
	 */
	public CompletableFuture<Optional<String>> slugOwner(Stage stage, String slug) {
		// A plain read, not a serial one: it only spares the transaction when the page
		// already holds its slug. Only
		// the holder releases a claim (under its page lock), so a stale "free" just leads
		// to the transaction, which
		// tells the truth, and a stale "taken" to a 409 the CMS retries.
		return this.session.executeAsync(this.selectSlugOwner.bind(stage.name(), slug))
			.toCompletableFuture()
			.thenApply((result) -> Optional.ofNullable(result.one()).map((r) -> r.getString("page_id")));
	}

	/**
	 * Claims a slug of a stage for a page, unless another page holds it. The claim is a
	 * lightweight transaction ({@code IF NOT EXISTS}), so two claimants never both win,
	 * whichever instance or thread they run on.
	 * @param stage the stage
	 * @param slug the slug
	 * @param pageId the claimant
	 * @return the other page holding the slug; empty when the claimant holds it now (or
	 * already did)
	 */
	public CompletableFuture<Optional<String>> claimSlug(Stage stage, String slug, String pageId) {
		// The page's index row first: a crash in between leaves an index entry for a
		// claim not held, which a release of it ignores, never a claim the page cannot
		// find to release.
		return this.session.executeAsync(this.insertClaimOfPage.bind(pageId, stage.name(), slug))
			.thenCompose((indexed) -> this.session.executeAsync(this.claimSlug.bind(stage.name(), slug, pageId)))
			.toCompletableFuture()
			.thenApply((claim) -> {
				Row result = claim.one();
				if (result == null || result.getBoolean("[applied]")) {
					return Optional.empty();
				}
				String holder = result.getString("page_id");
				return (holder == null || holder.equals(pageId)) ? Optional.empty() : Optional.of(holder);
			});
	}

	/**
	 * Releases a page's claim of a slug; a claim held by another page stays.
	 * @param stage the stage
	 * @param slug the slug
	 * @param pageId the page releasing it
	 * @return the request
	 */
	public CompletableFuture<Void> releaseSlug(Stage stage, String slug, String pageId) {
		// The claim first, its index row after: a failure in between leaves an index
		// entry the next release ignores.
		return this.session.executeAsync(this.releaseSlug.bind(stage.name(), slug, pageId))
			.thenCompose(
					(released) -> this.session.executeAsync(this.deleteClaimOfPage.bind(pageId, stage.name(), slug)))
			.toCompletableFuture()
			.thenApply((deleted) -> null);
	}

	/**
	 * The slugs a page has claimed, per stage (normally one; more only while a rename is
	 * under way or after a failed one), in one request.
	 * @param pageId the page
	 * @return the slugs of each stage that has any
	 */
	public CompletableFuture<Map<Stage, List<String>>> slugsClaimedBy(String pageId) {
		return StoreRequests.rows(this.session.executeAsync(this.selectClaimsOfPage.bind(pageId))).thenApply((rows) -> {
			Map<Stage, List<String>> slugs = new EnumMap<>(Stage.class);
			for (Row row : rows) {
				slugs.computeIfAbsent(Stage.valueOf(row.getString("stage")), (stage) -> new ArrayList<>())
					.add(row.getString("slug"));
			}
			return slugs;
		});
	}

	/**
	 * Claims the slug of every page stage published before slug claims existed, once:
	 * when no claim is stored yet. Where two pages already shared a slug, the first one
	 * read keeps it and the other is logged; its next publish or re-render is refused
	 * until it moves to a free slug.
	 * @return the number of claims made
	 */
	public int claimPublishedSlugs() {
		if (!this.cql.query(WriteSchema.scan("SELECT stage FROM marquee_write.slug_claims LIMIT 1"), STAGE).isEmpty()) {
			return 0;
		}
		int claimed = 0;
		for (PublishedSlug published : this.cql.query(
				WriteSchema.scan("SELECT page_id, stage, slug, removed FROM marquee_write.rendered_pages"),
				PublishedSlug.ROWS)) {
			if (published.removed() || published.slug() == null) {
				continue;
			}
			Optional<String> other = StoreRequests
				.await(claimSlug(published.stage(), published.slug(), published.pageId()));
			if (other.isPresent()) {
				logger.warn("Pages {} and {} both hold slug {} ({}); {} keeps it", other.get(), published.pageId(),
						published.slug(), published.stage(), other.get());
			}
			else {
				claimed++;
			}
		}
		return claimed;
	}

	// A page stage as rendered_pages holds it, for the one-time claim of published slugs.
	private record PublishedSlug(String pageId, Stage stage, @Nullable String slug, boolean removed) {

		static final RowMapper<PublishedSlug> ROWS = (row, index) -> new PublishedSlug(row.getString("page_id"),
				Stage.valueOf(row.getString("stage")), row.getString("slug"), row.getBoolean("removed"));

	}

}
