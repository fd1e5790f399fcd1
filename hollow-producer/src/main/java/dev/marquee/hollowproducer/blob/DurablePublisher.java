package dev.marquee.hollowproducer.blob;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.netflix.hollow.api.producer.HollowProducer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import dev.marquee.hollowproducer.blob.StoredBlob.Kind;

/**
 * Hollow's publisher for the blob store: every snapshot, delta, reverse delta and header
 * blob is written durably before the cycle goes on to announce. Records the blob sizes.
 */
public final class DurablePublisher implements HollowProducer.Publisher {

	private final BlobStore store;

	private final MeterRegistry meters;

	/**
	 * A publisher.
	 * @param store where blobs go
	 * @param meters where blob sizes are recorded ({@code marquee.hollow.blob.size},
	 * tagged by type)
	 */
	public DurablePublisher(BlobStore store, MeterRegistry meters) {
		this.store = store;
		this.meters = meters;
	}

	@Override
	public void publish(HollowProducer.Blob blob) {
		publish((HollowProducer.PublishArtifact) blob);
	}

	@Override
	public void publish(HollowProducer.PublishArtifact artifact) {
		StoredBlob stored;
		try {
			if (artifact instanceof HollowProducer.HeaderBlob header) {
				stored = this.store.write(Kind.HEADER, header.getVersion(), header.getVersion(),
						artifact.newInputStream());
			}
			else if (artifact instanceof HollowProducer.Blob blob) {
				stored = switch (blob.getType()) {
					case SNAPSHOT -> this.store.write(Kind.SNAPSHOT, blob.getToVersion(), blob.getToVersion(),
							blob.newInputStream());
					case DELTA ->
						this.store.write(Kind.DELTA, blob.getFromVersion(), blob.getToVersion(), blob.newInputStream());
					case REVERSE_DELTA -> this.store.write(Kind.REVERSE_DELTA, blob.getFromVersion(),
							blob.getToVersion(), blob.newInputStream());
				};
			}
			else {
				throw new IllegalArgumentException("unknown publish artifact " + artifact.getClass());
			}
			DistributionSummary.builder("marquee.hollow.blob.size")
				.description("Size of published Hollow blobs")
				.baseUnit("bytes")
				.tag("type", stored.kind().name().toLowerCase(java.util.Locale.ROOT))
				.register(this.meters)
				.record(java.nio.file.Files.size(stored.file()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot publish " + artifact, ex);
		}
	}

}
