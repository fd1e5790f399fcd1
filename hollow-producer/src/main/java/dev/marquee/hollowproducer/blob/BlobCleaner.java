package dev.marquee.hollowproducer.blob;

import com.netflix.hollow.api.producer.HollowProducer;

/**
 * Hollow's blob cleaner for the store: keeps the newest snapshots and removes deltas,
 * reverse deltas and headers that only lead to deleted snapshots (unlike Hollow's
 * filesystem cleaner, which ignores deltas).
 */
public final class BlobCleaner extends HollowProducer.BlobStorageCleaner {

	private final BlobStore store;

	private final int snapshotsToKeep;

	/**
	 * A cleaner.
	 * @param store the store
	 * @param snapshotsToKeep how many snapshots to keep
	 */
	public BlobCleaner(BlobStore store, int snapshotsToKeep) {
		this.store = store;
		this.snapshotsToKeep = snapshotsToKeep;
	}

	@Override
	public void cleanSnapshots() {
		this.store.clean(this.snapshotsToKeep);
	}

	@Override
	public void cleanDeltas() {
		this.store.clean(this.snapshotsToKeep);
	}

	@Override
	public void cleanReverseDeltas() {
		this.store.clean(this.snapshotsToKeep);
	}

}
