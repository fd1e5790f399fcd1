package dev.marquee.model.hollow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import com.netflix.hollow.core.read.engine.HollowBlobReader;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.write.HollowBlobWriter;
import com.netflix.hollow.core.write.HollowWriteStateEngine;
import com.netflix.hollow.core.write.objectmapper.HollowObjectMapper;
import org.junit.jupiter.api.Test;

import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.TestPages;

import static org.assertj.core.api.Assertions.assertThat;

class HollowPagesTests {

	@Test
	void pageSurvivesAHollowSnapshotRoundTrip() throws IOException {
		Page page = TestPages.page("p-1", 42L);

		HollowReadStateEngine state = snapshotOf(page, TestPages.page("p-2", 43L));
		int ordinal = new HollowPrimaryKeyIndex(state, HollowPage.TYPE, "pageId.value", "stage.value")
			.getMatchingOrdinal("p-1", Stage.PUBLISHED.name());

		assertThat(ordinal).isNotNegative();
		assertThat(HollowPages.fromHollow(state, ordinal)).isEqualTo(page);
		assertThat(HollowPages.contentVersion(state, ordinal)).isEqualTo(42L);
	}

	@Test
	void repeatedTitleCardsAndImagesAreStoredOnce() throws IOException {
		HollowReadStateEngine state = snapshotOf(TestPages.page("p-1", 1L), TestPages.page("p-2", 2L));

		assertThat(state.getTypeState("TitleCard").maxOrdinal()).isZero();
		assertThat(state.getTypeState("Page").maxOrdinal()).isEqualTo(1);
	}

	private static HollowReadStateEngine snapshotOf(Page... pages) throws IOException {
		HollowWriteStateEngine writeState = new HollowWriteStateEngine();
		HollowObjectMapper mapper = new HollowObjectMapper(writeState);
		for (Page page : pages) {
			mapper.add(HollowPages.toHollow(page));
		}
		writeState.prepareForWrite();
		ByteArrayOutputStream blob = new ByteArrayOutputStream();
		new HollowBlobWriter(writeState).writeSnapshot(blob);
		HollowReadStateEngine readState = new HollowReadStateEngine();
		new HollowBlobReader(readState).readSnapshot(new ByteArrayInputStream(blob.toByteArray()));
		return readState;
	}

}
