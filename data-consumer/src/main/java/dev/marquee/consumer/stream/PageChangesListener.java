package dev.marquee.consumer.stream;

import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.marquee.consumer.projection.AppliedWatermarks;
import dev.marquee.consumer.projection.ReadModelProjection;
import dev.marquee.consumer.projection.ReadModelProjection.Outcome;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;

/**
 * The consumer group on the page-change topic. Synchronous on purpose: the container
 * commits a record's offset (ack mode RECORD) only after this method returned, that is
 * after the change and then its partition's applied watermark are written. Every failure
 * goes to the {@code DefaultErrorHandler} (see {@link KafkaConfiguration}).
 */
@Component
class PageChangesListener {

	private static final Logger logger = LoggerFactory.getLogger(PageChangesListener.class);

	static final String ID = "page-changes";

	private final ReadModelProjection projection;

	private final AppliedWatermarks watermarks;

	private final ConsumerMetrics metrics;

	private final ConsumerActivity activity;

	PageChangesListener(ReadModelProjection projection, AppliedWatermarks watermarks, ConsumerMetrics metrics,
			ConsumerActivity activity) {
		this.projection = projection;
		this.watermarks = watermarks;
		this.metrics = metrics;
		this.activity = activity;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.PAGE_CHANGES)
	void on(ConsumerRecord<String, PageChanged> record) {
		long start = System.nanoTime();
		PageChanged change = record.value();
		if (!Objects.equals(record.key(), change.pageId())) {
			throw new InvalidPageChangeException(
					"record key " + record.key() + " is not the page id " + change.pageId() + " of its change");
		}
		Outcome outcome = this.projection.apply(change);
		this.watermarks.applied(record.topic(), record.partition(), record.offset());
		this.activity.applied();
		this.metrics.applied(outcome, start, change.ingestedAt());
		// The listener's observation restored the producer's trace from the record
		// headers: [trace-span] prefix.
		logger.info("{} {} {} v{} from {}-{}@{}", outcome, change.pageId(), change.stage(), change.contentVersion(),
				record.topic(), record.partition(), record.offset());
	}

}
