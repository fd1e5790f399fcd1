package dev.marquee.page.hollow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.netflix.hollow.api.objects.generic.GenericHollowObject;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.read.engine.HollowTypeReadState;
import com.netflix.hollow.core.util.StateEngineRoundTripper;
import com.netflix.hollow.core.write.HollowWriteStateEngine;
import com.netflix.hollow.core.write.objectmapper.HollowObjectMapper;
import org.junit.jupiter.api.Test;

import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.page.TestPages;
import dev.marquee.page.source.PageSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental listings and slug index against real Hollow states: random adds, edits,
 * renames and removals over many deltas, with snapshots in between, always equal to the
 * listing built from scratch, and every (slug, stage) resolving to exactly the page that
 * holds it now (an old slug to nothing).
 */
class ListingsTests {

	private final HollowWriteStateEngine write = new HollowWriteStateEngine();

	private final HollowObjectMapper mapper = new HollowObjectMapper(this.write);

	private final Map<String, Page> model = new LinkedHashMap<>();

	private final Listings listings = new Listings();

	private long version = 1;

	private final Set<String> everUsed = new HashSet<>();

	private HollowReadStateEngine read;

	private int lookups;

	@Test
	void deltasKeepTheListingsEqualToAFullRebuildAcrossSnapshots() throws IOException {
		this.mapper.initializeTypeState(HollowPage.class);
		Random random = new Random(42);
		for (int i = 0; i < 40; i++) {
			put(page("p" + i, "slug-" + i, (i % 3 == 0) ? Stage.PREVIEW : Stage.PUBLISHED));
		}
		HollowReadStateEngine read = StateEngineRoundTripper.roundTripSnapshot(writeCycle());
		this.read = read;
		assertListed(this.listings.rebuild(read, pages(read).getPopulatedOrdinals()));
		for (int cycle = 1; cycle <= 30; cycle++) {
			this.write.prepareForNextCycle();
			for (int change = 0; change < 1 + random.nextInt(6); change++) {
				List<Page> current = new ArrayList<>(this.model.values());
				Page target = current.get(random.nextInt(current.size()));
				switch (random.nextInt(4)) {
					case 0 -> put(page("n" + cycle + "-" + change, "new-" + cycle + "-" + change, Stage.PUBLISHED));
					case 1 -> put(page(target.pageId(), target.slug(), target.stage()));
					case 2 -> put(page(target.pageId(), "renamed-" + cycle + "-" + change, target.stage()));
					default -> {
						if (this.model.size() > 5) {
							this.model.remove(target.pageId() + "/" + target.stage());
						}
					}
				}
			}
			writeCycle();
			if (cycle % 7 == 0) {
				// a double snapshot: a fresh engine, listed from scratch
				read = new HollowReadStateEngine();
				this.read = read;
				StateEngineRoundTripper.roundTripSnapshot(this.write, read);
				assertListed(this.listings.rebuild(read, pages(read).getPopulatedOrdinals()));
			}
			else {
				StateEngineRoundTripper.roundTripDelta(this.write, read);
				HollowTypeReadState pages = pages(read);
				BitSet removed = (BitSet) pages.getPreviousOrdinals().clone();
				removed.andNot(pages.getPopulatedOrdinals());
				BitSet added = (BitSet) pages.getPopulatedOrdinals().clone();
				added.andNot(pages.getPreviousOrdinals());
				assertThat(added.cardinality()).isLessThan(this.model.size());
				assertListed(this.listings.update(read, removed, added));
			}
		}
		assertThat(this.lookups).as("slug lookups checked").isGreaterThan(31 * 40);
	}

	private HollowWriteStateEngine writeCycle() {
		this.model.values().forEach((page) -> this.mapper.add(HollowPages.toHollow(page)));
		return this.write;
	}

	private void put(Page page) {
		this.model.put(page.pageId() + "/" + page.stage(), page);
		this.everUsed.add(page.slug() + "/" + page.stage());
	}

	private Page page(String pageId, String slug, Stage stage) {
		return TestPages.page(pageId, slug, stage, this.version++, "v" + this.version);
	}

	private void assertListed(Map<Stage, List<PageSummary>> listed) {
		for (Stage stage : Stage.values()) {
			List<PageSummary> expected = this.model.values()
				.stream()
				.filter((page) -> page.stage() == stage)
				.map((page) -> new PageSummary(page.pageId(), page.slug(), page.title(), page.contentVersion()))
				.sorted(Listings.ORDER)
				.toList();
			assertThat(listed.get(stage)).containsExactlyElementsOf(expected);
		}
		SlugIndex index = this.listings.index();
		assertThat(index.size()).isEqualTo(this.model.size());
		Set<String> held = new HashSet<>();
		for (Page page : this.model.values()) {
			int ordinal = index.ordinal(page.slug(), page.stage());
			assertThat(ordinal).as(page.slug()).isNotNegative();
			GenericHollowObject record = new GenericHollowObject(this.read, HollowPage.TYPE, ordinal);
			assertThat(Listings.string(record, "pageId")).isEqualTo(page.pageId());
			assertThat(record.getLong("contentVersion")).isEqualTo(page.contentVersion());
			held.add(page.slug() + "/" + page.stage());
			this.lookups++;
		}
		for (String used : this.everUsed) {
			if (!held.contains(used)) {
				String[] parts = used.split("/");
				assertThat(index.ordinal(parts[0], Stage.valueOf(parts[1]))).as(used).isEqualTo(-1);
				this.lookups++;
			}
		}
	}

	private static HollowTypeReadState pages(HollowReadStateEngine read) {
		return read.getTypeState(HollowPage.TYPE);
	}

}
