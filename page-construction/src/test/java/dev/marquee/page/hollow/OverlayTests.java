package dev.marquee.page.hollow;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.writelog.WriteLogEntry;
import dev.marquee.page.TestPages;
import dev.marquee.page.source.PageSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OverlayTests {

	private static final Stage S = Stage.PUBLISHED;

	private final Overlay overlay = new Overlay();

	private long offset;

	@Test
	void aNewPageAddsItsSlug() {
		Page page = page("p1", "new-page", 10);
		apply(PageChanged.upserted(page, null));
		assertThat(this.overlay.claimant("new-page", S)).isNotNull()
			.satisfies((entry) -> assertThat(entry.page()).isEqualTo(page));
		assertThat(this.overlay.claimant("new-page", Stage.PREVIEW)).isNull();
		assertThat(this.overlay.applied()).isEqualTo(1);
	}

	@Test
	void aRenameHidesTheStatesOldSlugAndAddsTheNewOne() {
		apply(PageChanged.upserted(page("p1", "renamed", 10), "original"));
		assertThat(this.overlay.claimant("renamed", S)).isNotNull();
		assertThat(this.overlay.claimant("original", S)).isNull();
		// the state still maps "original" to p1: the overlay hides it
		assertThat(this.overlay.hides("p1", S, "original")).isTrue();
		assertThat(this.overlay.hides("p1", S, "renamed")).isFalse();
		assertThat(this.overlay.hides("p2", S, "original")).isFalse();
	}

	@Test
	void aRenameWithinTheOverlayReleasesTheIntermediateSlug() {
		apply(PageChanged.upserted(page("p1", "second", 10), "first"));
		apply(PageChanged.upserted(page("p1", "third", 20), "second"));
		assertThat(this.overlay.claimant("second", S)).isNull();
		assertThat(this.overlay.claimant("third", S).contentVersion()).isEqualTo(20);
		assertThat(this.overlay.hides("p1", S, "first")).isTrue();
	}

	@Test
	void aRemovalHidesTheStatesSlug() {
		apply(PageChanged.deleted("p1", S, "gone", 10, Instant.now(), "t"));
		assertThat(this.overlay.claimant("gone", S)).isNull();
		assertThat(this.overlay.hides("p1", S, "gone")).isTrue();
	}

	@Test
	void aRemovalThenAReAddServesThePageAgain() {
		apply(PageChanged.upserted(page("p1", "back", 10), null));
		apply(PageChanged.deleted("p1", S, "back", 20, Instant.now(), "t"));
		assertThat(this.overlay.claimant("back", S)).isNull();
		apply(PageChanged.upserted(page("p1", "back", 30), null));
		assertThat(this.overlay.claimant("back", S).contentVersion()).isEqualTo(30);
		assertThat(this.overlay.hides("p1", S, "back")).isFalse();
	}

	@Test
	void twoPagesRacingForOneSlugResolveToTheHigherOffset() {
		apply(PageChanged.upserted(page("a", "contested", 10), null));
		apply(PageChanged.upserted(page("b", "contested", 11), null));
		assertThat(this.overlay.claimant("contested", S).pageId()).isEqualTo("b");
		// b moves away: the slug goes back to a, deterministically
		apply(PageChanged.upserted(page("b", "elsewhere", 12), "contested"));
		assertThat(this.overlay.claimant("contested", S).pageId()).isEqualTo("a");
		apply(PageChanged.upserted(page("b", "contested", 13), "elsewhere"));
		assertThat(this.overlay.claimant("contested", S).pageId()).isEqualTo("b");
	}

	@Test
	void entriesAtOrBelowTheInstalledStatesOffsetAreIgnored() {
		this.overlay.fold(5, "log-1");
		assertThat(this.overlay.apply(new WriteLogEntry(4, PageChanged.upserted(page("p1", "old", 10), null))))
			.isNull();
		assertThat(this.overlay.apply(new WriteLogEntry(5, PageChanged.upserted(page("p1", "old", 10), null))))
			.isNull();
		assertThat(this.overlay.isEmpty()).isTrue();
		assertThat(this.overlay.apply(new WriteLogEntry(6, PageChanged.upserted(page("p1", "old", 11), null))))
			.isNotNull();
		assertThat(this.overlay.applied()).isEqualTo(6);
	}

	@Test
	void aGapInOffsetsIsRefused() {
		apply(PageChanged.upserted(page("p1", "one", 10), null));
		assertThatIllegalStateException().isThrownBy(
				() -> this.overlay.apply(new WriteLogEntry(3, PageChanged.upserted(page("p2", "two", 11), null))));
		assertThat(this.overlay.applied()).isEqualTo(1);
	}

	@Test
	void installingAStateDropsOnlyTheEntriesItContains() {
		apply(PageChanged.upserted(page("p1", "one", 10), null));
		apply(PageChanged.upserted(page("p2", "two", 11), null));
		apply(PageChanged.upserted(page("p3", "three", 12), "drei"));
		// nothing is dropped before a state is installed
		assertThat(this.overlay.size()).isEqualTo(3);
		this.overlay.fold(2, "log-1");
		assertThat(this.overlay.size()).isEqualTo(1);
		assertThat(this.overlay.claimant("one", S)).isNull();
		assertThat(this.overlay.claimant("three", S)).isNotNull();
		assertThat(this.overlay.hides("p3", S, "drei")).isTrue();
		assertThat(this.overlay.applied()).isEqualTo(3);
		this.overlay.fold(3, "log-1");
		assertThat(this.overlay.isEmpty()).isTrue();
		assertThat(this.overlay.hides("p3", S, "drei")).isFalse();
	}

	@Test
	void aStateAheadOfTheFollowerRaisesTheAppliedOffset() {
		apply(PageChanged.upserted(page("p1", "one", 10), null));
		this.overlay.fold(40, "log-1");
		assertThat(this.overlay.applied()).isEqualTo(40);
		assertThat(this.overlay.isEmpty()).isTrue();
		// the follower continues after the state's offset
		assertThat(this.overlay.apply(new WriteLogEntry(41, PageChanged.upserted(page("p1", "one", 20), null))))
			.isNotNull();
	}

	@Test
	void aStateOfAnotherLogResetsTheOverlay() {
		this.overlay.adoptLog("log-1");
		apply(PageChanged.upserted(page("p1", "one", 10), null));
		apply(PageChanged.upserted(page("p2", "two", 11), null));
		this.overlay.fold(1, "log-2");
		assertThat(this.overlay.isEmpty()).isTrue();
		assertThat(this.overlay.logId()).isEqualTo("log-2");
		assertThat(this.overlay.applied()).isEqualTo(1);
	}

	@Test
	void anOlderContentVersionNeverReplacesANewerEntry() {
		apply(PageChanged.upserted(page("p1", "one", 20), null));
		apply(PageChanged.upserted(page("p1", "one", 10), null));
		assertThat(this.overlay.claimant("one", S).contentVersion()).isEqualTo(20);
		assertThat(this.overlay.applied()).isEqualTo(2);
	}

	@Test
	void theListingMergesTheOverlayIntoTheStatesListing() {
		List<PageSummary> state = List.of(summary("a", "alpha", 1), summary("b", "bravo", 2),
				summary("c", "charlie", 3), summary("d", "delta", 4));
		apply(PageChanged.upserted(page("a", "alpha", 10), null));
		apply(PageChanged.upserted(page("b", "zulu", 11), "bravo"));
		apply(PageChanged.deleted("c", S, "charlie", 12, Instant.now(), "t"));
		apply(PageChanged.upserted(page("e", "echo", 13), null));
		apply(PageChanged.upserted(page("f", "delta", 14), null));
		apply(PageChanged.upserted(page("g", "preview-only", 15).withStage(Stage.PREVIEW), null));
		List<PageSummary> merged = this.overlay.listing(S, state);
		assertThat(merged).extracting(PageSummary::slug).containsExactly("alpha", "delta", "echo", "zulu");
		assertThat(merged).extracting(PageSummary::pageId).containsExactly("a", "f", "e", "b");
		assertThat(merged.get(0).contentVersion()).isEqualTo(10);
		// the same list while nothing changes, a new one once something does
		assertThat(this.overlay.listing(S, state)).isSameAs(merged);
		apply(PageChanged.upserted(page("h", "hotel", 16), null));
		assertThat(this.overlay.listing(S, state)).extracting(PageSummary::slug).contains("hotel");
		this.overlay.fold(this.overlay.applied(), null);
		assertThat(this.overlay.listing(S, state)).isSameAs(state);
	}

	private void apply(PageChanged change) {
		this.overlay.apply(new WriteLogEntry(++this.offset, change));
	}

	private static Page page(String pageId, String slug, long version) {
		return TestPages.page(pageId, slug, S, version, "v" + version);
	}

	private static PageSummary summary(String pageId, String slug, long version) {
		return new PageSummary(pageId, slug, "Title", version);
	}

}
