package dev.marquee.hollowproducer.blob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.marquee.hollowproducer.HollowProducerProperties;

/**
 * The single-producer lock, the blob store and the announcements, in that order: nothing
 * touches the blob directory before the lock is held.
 */
@Configuration(proxyBeanMethods = false)
class BlobConfiguration {

	@Bean(destroyMethod = "close")
	ProducerLock producerLock(HollowProducerProperties properties) {
		return ProducerLock.acquire(properties.hollow().blobDir().toAbsolutePath().normalize());
	}

	@Bean
	BlobStore blobStore(ProducerLock lock, HollowProducerProperties properties) {
		return new BlobStore(properties.hollow().blobDir());
	}

	@Bean
	Announcements announcements(BlobStore store) {
		return new Announcements(store);
	}

}
