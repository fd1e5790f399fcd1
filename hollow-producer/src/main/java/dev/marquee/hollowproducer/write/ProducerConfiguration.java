package dev.marquee.hollowproducer.write;

import com.netflix.hollow.api.producer.HollowProducer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.marquee.hollowproducer.HollowProducerProperties;
import dev.marquee.hollowproducer.blob.Announcements;
import dev.marquee.hollowproducer.blob.BlobCleaner;
import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.hollowproducer.blob.DurablePublisher;
import dev.marquee.hollowproducer.blob.ProducerLock;

/**
 * Builds Hollow's incremental producer on the durable blob store and restores the announced state before the
 * write API opens.
 */
@Configuration(proxyBeanMethods = false)
class ProducerConfiguration {

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
	PageCycles pageCycles(HollowProducer.Incremental producer, BlobStore store, CycleMetrics metrics) {
		PageCycles cycles = new PageCycles(producer, store);
		cycles.restore().ifPresent(metrics::versionRestored);
		return cycles;
	}

	@Bean
	WriteBatcher writeBatcher(PageCycles cycles, CycleMetrics metrics, HollowProducerProperties properties) {
		HollowProducerProperties.Hollow hollow = properties.hollow();
		return new WriteBatcher(cycles, metrics, hollow.batchMaxWait(), hollow.batchMaxChanges(),
				hollow.maxQueuedWrites());
	}

	@Bean
	ProducerHealthIndicator hollowProducerHealthIndicator(CycleMetrics metrics, BlobStore store) {
		return new ProducerHealthIndicator(metrics, store);
	}

}
