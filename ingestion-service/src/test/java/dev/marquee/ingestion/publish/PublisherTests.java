package dev.marquee.ingestion.publish;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

class PublisherTests {

	@Test
	void writeRequestAssembledFromSerializedChangesReadsBackAsTheSameRequest() {
		List<PageChanged> changes = List.of(
				PageChanged.deleted("page-1", Stage.PUBLISHED, "articles/one", 7, Instant.parse("2026-11-26T07:00:00Z"),
						"trace-1"),
				PageChanged.deleted("page-2", Stage.PREVIEW, "articles/\"two\"", 8,
						Instant.parse("2026-11-26T07:00:01Z"), "trace-2"));

		byte[] body = Publisher.writeRequest(changes.stream().map(MarqueeJson::write).toList());

		assertThat(MarqueeJson.mapper().readValue(body, HollowWriteRequest.class))
			.isEqualTo(new HollowWriteRequest(changes));
	}

}
