package dev.marquee.page.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.MutableClock;
import dev.marquee.page.TestPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NearCacheTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final FakeStore store = new FakeStore();

	private final List<Page> refreshed = new ArrayList<>();

	private static final int DECODED_PAGES = 16;

	private NearCache cache;

	@BeforeEach
	void fourPages() {
		for (String slug : List.of("a", "b", "c", "d")) {
			this.store.put(page(slug, 1));
		}
		this.cache = cache(DECODED_PAGES);
		this.cache.warmUp(1);
	}

	private NearCache cache(int decodedPages) {
		return new NearCache(this.store, Duration.ofSeconds(4), Duration.ofMillis(1), decodedPages, this.clock,
				(page, at) -> this.refreshed.add(page));
	}

	@Test
	void warmUpLoadsEveryPageWithoutRecordingPropagation() {
		assertThat(this.cache.size()).isEqualTo(4);
		assertThat(this.refreshed).isEmpty();
		this.store.loads.clear();
		assertThat(this.cache.get("c")).map(Page::contentVersion).contains(1L);
		assertThat(this.store.loads).isEmpty();
	}

	@Test
	void concurrentWarmUpLoadsEveryPageOnce() {
		for (int i = 0; i < 200; i++) {
			this.store.put(page("bulk-" + i, 1));
		}
		this.store.loads.clear();
		NearCache bulk = cache(DECODED_PAGES);
		bulk.warmUp(8);
		assertThat(bulk.isWarm()).isTrue();
		assertThat(bulk.size()).isEqualTo(204);
		assertThat(this.store.loads).hasSize(204).doesNotHaveDuplicates();
		assertThat(bulk.get("bulk-117")).map(Page::contentVersion).contains(1L);
	}

	@Test
	void failedWarmUpThrowsAndLeavesTheCacheCold() {
		this.store.failing = true;
		NearCache cold = cache(DECODED_PAGES);
		assertThatThrownBy(() -> cold.warmUp(4)).hasMessageContaining("Cassandra down");
		assertThat(cold.isWarm()).isFalse();
	}

	@Test
	void pacesOneKeyEveryIntervalDividedByKeyCount() {
		this.store.loads.clear();
		assertThat(this.cache.tick()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.store.loads).containsExactly("a");
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.cache.tick()).isEqualTo(Duration.ofMillis(1));
		assertThat(this.store.loads).containsExactly("a");
		this.clock.advance(Duration.ofMillis(1));
		this.cache.tick();
		assertThat(this.store.loads).containsExactly("a", "b");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.cache.tick()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.store.loads).containsExactly("a", "b", "c", "d");
		// The next cycle starts one interval after the previous one, not right after its
		// last key.
		this.clock.advance(Duration.ofMillis(500));
		this.cache.tick();
		assertThat(this.store.loads).hasSize(4);
		this.clock.advance(Duration.ofMillis(500));
		this.cache.tick();
		assertThat(this.store.loads).containsExactly("a", "b", "c", "d", "a");
		assertThat(this.cache.stats().cycles()).isEqualTo(2);
	}

	@Test
	void anEditBecomesVisibleOnlyWhenTheRefreshReachesItsKey() {
		this.cache.tick();
		this.store.put(page("c", 2));
		assertThat(this.cache.get("c")).map(Page::contentVersion).contains(1L);
		this.clock.advance(Duration.ofSeconds(1));
		this.cache.tick();
		assertThat(this.cache.get("c")).map(Page::contentVersion).contains(1L);
		this.clock.advance(Duration.ofSeconds(1));
		this.cache.tick();
		assertThat(this.cache.get("c")).map(Page::contentVersion).contains(2L);
		assertThat(this.refreshed).extracting(Page::slug).containsExactly("c");
	}

	@Test
	void perKeyDelayShrinksAsKeysGrowButNotBelowTheMinimum() {
		assertThat(NearCache.perKey(Duration.ofSeconds(30), Duration.ofMillis(1), 60))
			.isEqualTo(Duration.ofMillis(500));
		assertThat(NearCache.perKey(Duration.ofSeconds(30), Duration.ofMillis(1), 0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(NearCache.perKey(Duration.ofSeconds(1), Duration.ofMillis(1), 1_000_000))
			.isEqualTo(Duration.ofMillis(1));
	}

	@Test
	void eachCycleDiscoversNewPagesAndDropsRemovedOnes() {
		this.store.put(page("e", 1));
		this.store.pages.remove("a");
		runCycle();
		runCycle();
		assertThat(this.cache.entries()).extracting(CompactPage::slug).containsExactlyInAnyOrder("b", "c", "d", "e");
		assertThat(this.refreshed).extracting(Page::slug).containsExactly("e");
	}

	@Test
	void aMissReadsTheStoreAndCachesThePage() {
		this.store.put(page("new", 5));
		this.store.loads.clear();
		assertThat(this.cache.get("new")).map(Page::contentVersion).contains(5L);
		assertThat(this.cache.get("new")).isPresent();
		assertThat(this.store.loads).containsExactly("new");
		assertThat(this.cache.get("missing")).isEmpty();
		assertThat(this.cache.stats().misses()).isEqualTo(2);
	}

	@Test
	void keepsServingCachedPagesWhileTheStoreFails() {
		this.store.failing = true;
		runCycle();
		assertThat(this.cache.get("a")).map(Page::contentVersion).contains(1L);
		assertThat(this.cache.stats().failures()).isPositive();
		this.store.failing = false;
		this.store.put(page("a", 3));
		runCycle();
		assertThat(this.cache.get("a")).map(Page::contentVersion).contains(3L);
	}

	@Test
	void aRefreshOfAnUnchangedKeyKeepsTheCachedPageWithoutLoadingItAgain() {
		Page cached = this.cache.get("b").orElseThrow();
		this.store.loads.clear();
		this.store.put(page("c", 2));
		runCycle();
		assertThat(this.cache.get("b")).containsSame(cached);
		assertThat(this.store.unchanged).contains("a", "b", "d").doesNotContain("c");
		assertThat(this.cache.get("c")).map(Page::contentVersion).contains(2L);
		assertThat(this.cache.stats().refreshes()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void aPageComesBackFromItsCompactFormEqualToTheOriginal() {
		Page large = TestPages.largePage("id-large", "large", Stage.PUBLISHED, 7, 50);
		Page noSummary = new Page("id-bare", "bare", Stage.PUBLISHED, "article", "Bare", null, List.of(), 8, 2,
				Instant.parse("2026-11-26T10:00:00.123456Z"), "trace");
		for (Page page : List.of(large, noSummary)) {
			CompactPage compact = CompactPage.of(page);
			assertThat(compact.page()).isEqualTo(page);
			assertThat(compact.version())
				.isEqualTo(new CompactPage.Version(page.slug(), page.pageId(), page.contentVersion()));
			assertThat(compact.title()).isEqualTo(page.title());
			assertThat(compact.jsonLength()).isEqualTo(MarqueeJson.mapper().writeValueAsBytes(page).length);
		}
		assertThat(CompactPage.of(large).deflated().length).isLessThan(CompactPage.of(large).jsonLength() / 4);
	}

	@Test
	void anOlderVersionReadLaterNeverReplacesANewerOne() {
		this.store.put(page("a", 3));
		runCycle();
		assertThat(this.cache.get("a")).map(Page::contentVersion).contains(3L);
		// A lagging read (e.g. a replica behind) answers an older version of the same
		// page.
		this.store.put(page("a", 2));
		runCycle();
		assertThat(this.cache.get("a")).map(Page::contentVersion).contains(3L);
		assertThat(this.refreshed).extracting(Page::contentVersion).containsExactly(3L);
	}

	@Test
	void aDifferentPageThatTookOverTheSlugReplacesTheEntryWhateverItsVersion() {
		this.store.put(page("a", 9));
		runCycle();
		assertThat(this.cache.get("a")).map(Page::pageId).contains("id-a");
		Page other = TestPages.page("id-other", "a", Stage.PUBLISHED, 2, "taken over");
		this.store.put(other);
		runCycle();
		assertThat(this.cache.get("a")).contains(other);
		assertThat(this.cache.entries()).filteredOn((entry) -> entry.slug().equals("a"))
			.extracting(CompactPage::pageId)
			.containsExactly("id-other");
		assertThat(this.refreshed).extracting(Page::pageId).containsExactly("id-a", "id-other");
	}

	@Test
	void aRemovedPageDropsItsEntryItsDecodedCopyAndItsBytes() {
		long bytesOfFour = this.cache.stats().bytes();
		assertThat(this.cache.get("a")).isPresent();
		assertThat(this.cache.stats().decodedPages()).isEqualTo(1);
		this.store.pages.remove("a");
		runCycle();
		assertThat(this.cache.stats().decodedPages()).isZero();
		assertThat(this.cache.size()).isEqualTo(3);
		assertThat(this.cache.stats().bytes()).isLessThan(bytesOfFour).isEqualTo(deflatedBytesHeld());
		assertThat(this.cache.get("a")).isEmpty();
	}

	@Test
	void aRefreshedVersionIsServedAtOnceThoughTheOlderOneWasDecoded() {
		Page hot = this.cache.get("c").orElseThrow();
		assertThat(this.cache.get("c")).containsSame(hot);
		Page edited = page("c", 2);
		this.store.put(edited);
		runCycle();
		// The page was read, so its new version is kept decoded: the very page the store
		// answered.
		assertThat(this.cache.get("c")).containsSame(edited);
		assertThat(this.cache.stats().decodedPages()).isEqualTo(1);
		Page cold = page("d", 2);
		this.store.put(cold);
		runCycle();
		assertThat(this.cache.get("d").orElseThrow()).isEqualTo(cold).isNotSameAs(cold);
	}

	@Test
	void everyReadDecodesWhenNoPageIsKeptDecoded() {
		NearCache undecoded = cache(0);
		undecoded.warmUp(1);
		Page first = undecoded.get("b").orElseThrow();
		Page second = undecoded.get("b").orElseThrow();
		assertThat(second).isEqualTo(first).isEqualTo(this.store.pages.get("b")).isNotSameAs(first);
		assertThat(undecoded.stats().decodedHits()).isZero();
	}

	@Test
	void entriesListThePagesWithoutDecodingAny() {
		assertThat(this.cache.entries())
			.extracting(CompactPage::slug, CompactPage::pageId, CompactPage::title, CompactPage::contentVersion)
			.containsExactlyInAnyOrder(tuple("a", "id-a", "Title v1", 1L), tuple("b", "id-b", "Title v1", 1L),
					tuple("c", "id-c", "Title v1", 1L), tuple("d", "id-d", "Title v1", 1L));
		assertThat(this.cache.stats().decodedPages()).isZero();
		NearCache.Stats stats = this.cache.stats();
		assertThat(stats.bytes()).isPositive().isEqualTo(deflatedBytesHeld()).isLessThan(stats.jsonBytes());
	}

	private long deflatedBytesHeld() {
		return this.cache.entries().stream().mapToLong((entry) -> entry.deflated().length).sum();
	}

	private void runCycle() {
		for (int i = 0; i < 6; i++) {
			Duration delay = this.cache.tick();
			this.clock.advance(delay.isZero() ? Duration.ofMillis(1) : delay);
		}
	}

	private static Page page(String slug, long version) {
		return TestPages.page("id-" + slug, slug, Stage.PUBLISHED, version, "v" + version);
	}

	static final class FakeStore implements NearCache.Store {

		final Map<String, Page> pages = new LinkedHashMap<>();

		/** Keys read: loaded, or found unchanged by their page row. */
		final List<String> loads = java.util.Collections.synchronizedList(new ArrayList<>());

		/** Refreshes answered by the cached page itself (only its page row read). */
		final List<String> unchanged = new ArrayList<>();

		boolean failing;

		void put(Page page) {
			this.pages.put(page.slug(), page);
		}

		@Override
		public List<String> discover() {
			if (this.failing) {
				throw new IllegalStateException("Cassandra down");
			}
			return new ArrayList<>(this.pages.keySet());
		}

		@Override
		public Optional<Page> load(String slug) {
			if (this.failing) {
				throw new IllegalStateException("Cassandra down");
			}
			this.loads.add(slug);
			return Optional.ofNullable(this.pages.get(slug));
		}

		@Override
		public boolean unchanged(String slug, String pageId, long contentVersion) {
			if (this.failing) {
				throw new IllegalStateException("Cassandra down");
			}
			Page stored = this.pages.get(slug);
			if (stored != null && stored.pageId().equals(pageId) && stored.contentVersion() == contentVersion) {
				this.loads.add(slug);
				this.unchanged.add(slug);
				return true;
			}
			return false;
		}

	}

}
