package dev.marquee.hollowproducer.write;

import com.netflix.hollow.api.producer.HollowProducer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.marquee.hollowproducer.HollowProducerProperties;
import dev.marquee.hollowproducer.blob.Announcements;
import dev.marquee.hollowproducer.blob.BlobCleaner;
import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.hollowproducer.blob.DurablePublisher;
import dev.marquee.hollowproducer.blob.ProducerLock;
import dev.marquee.hollowproducer.log.DurableWriteLog;
import dev.marquee.hollowproducer.log.LogRecord;
import dev.marquee.hollowproducer.log.StateMark;

/**
 * Builds Hollow's incremental producer on the durable blob store, restores the announced
 * state, opens the write log and replays the entries the state does not contain, all
 * before the write API opens.
 */
@Configuration(proxyBeanMethods = false)
class ProducerConfiguration {

	private static final Log logger = LogFactory.getLog(ProducerConfiguration.class);

	@Bean
	HollowProducer.Incremental hollowProducer(ProducerLock lock, BlobStore store, Announcements announcements,
			MeterRegistry meters, HollowProducerProperties properties) {
		HollowProducer.Builder<?> builder = HollowProducer.withPublisher(new DurablePublisher(store, meters))
			.withAnnouncer(announcements)
			.withNumStatesBetweenSnapshots(properties.hollow().numStatesBetweenSnapshots())
			.withBlobStorageCleaner(new BlobCleaner(store, properties.hollow().snapshotsToKeep()));
		if (!properties.hollow().integrityCheck()) {
			builder.noIntegrityCheck();
		}
		return builder.buildIncremental();
	}

	@Bean
	CycleMetrics cycleMetrics(MeterRegistry meters) {
		return new CycleMetrics(meters);
	}

	@Bean
	PageCycles pageCycles(HollowProducer.Incremental producer, BlobStore store) {
		return new PageCycles(producer, store);
	}

	@Bean
	PageCycles.Restored restoredState(PageCycles cycles, CycleMetrics metrics) {
		PageCycles.Restored restored = cycles.restore();
		metrics.versionRestored(restored.version());
		return restored;
	}

	@Bean(destroyMethod = "close")
	DurableWriteLog writeLog(PageCycles.Restored restored, HollowProducerProperties properties, MeterRegistry meters) {
		HollowProducerProperties.Log settings = properties.hollow().log();
		DurableWriteLog log = DurableWriteLog.open(settings.dir(), new StateMark(restored.version(), restored.offset()),
				settings.segmentSize().toBytes(), DurableWriteLog.Durability.FORCE);
		if (restored.logId() != null && !restored.logId().equals(log.logId())) {
			logger.warn("The announced state's offsets belong to the write log " + restored.logId() + ", not to "
					+ log.logId() + " in " + log.dir() + "; its followers resynchronise from the next state");
		}
		log.registerMeters(meters);
		return log;
	}

	@Bean
	PendingChanges pendingChanges() {
		return new PendingChanges();
	}

	@Bean
	WriteAppender writeAppender(DurableWriteLog log, PageCycles.Restored restored, PendingChanges pending,
			HollowProducerProperties properties, MeterRegistry meters) {
		HollowProducerProperties.Hollow hollow = properties.hollow();
		WriteAppender appender = new WriteAppender(log, restored.index(), pending, hollow.cycleMaxPending(),
				hollow.maxQueuedWrites(), meters);
		int replayed = 0;
		for (LogRecord record : log.entriesAfter(restored.offset())) {
			// only the envelope: a page is parsed when its change wins a cycle
			appender.replay(record.offset(), ChangeEnvelopes.readChange(record.json()));
			replayed++;
		}
		logger.info("Replayed " + replayed + " write-log entries after the state's offset " + restored.offset()
				+ "; the next cycle folds them; the log continues after offset " + log.head());
		return appender;
	}

	@Bean
	CycleRunner cycleRunner(PageCycles cycles, PendingChanges pending, DurableWriteLog log, CycleMetrics metrics,
			HollowProducerProperties properties) {
		return new CycleRunner(cycles, pending, log, metrics, properties.hollow().cycleInterval(),
				properties.hollow().cycleMaxPending(), properties.hollow().cycleDuty(),
				properties.hollow().cycleMaxPause());
	}

	@Bean
	ProducerHealthIndicator hollowProducerHealthIndicator(CycleMetrics metrics, BlobStore store, DurableWriteLog log) {
		return new ProducerHealthIndicator(metrics, store, log);
	}

}
