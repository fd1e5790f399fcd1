package dev.marquee.ingestion.ingest;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.IncomingChange;

/**
 * The in-process locks of the write path. Deliveries of one page are applied one at a
 * time, and a catalog change (with its fan-out re-render) excludes every page delivery:
 * otherwise a fan-out and a page publish racing on the same page could publish older
 * content under a newer content version. Deliveries of different pages run concurrently,
 * so the hollow-producer can put them into one cycle.
 */
@Component
class PageLocks {

	// Page deliveries share this lock; catalog changes and re-renders hold it
	// exclusively.
	private final ReentrantReadWriteLock catalogWrites = new ReentrantReadWriteLock();

	private final ReentrantLock[] pageWrites = new ReentrantLock[256];

	PageLocks() {
		for (int i = 0; i < this.pageWrites.length; i++) {
			this.pageWrites[i] = new ReentrantLock();
		}
	}

	/**
	 * Takes the locks a delivery needs.
	 * @param change the delivery
	 * @return the locks held, in the order to release them
	 */
	List<Lock> lock(IncomingChange change) {
		if (change.type() != ContentType.PAGE) {
			return List.of(exclusive());
		}
		Lock shared = this.catalogWrites.readLock();
		shared.lock();
		Lock page = this.pageWrites[Math.floorMod(change.documentId().hashCode(), this.pageWrites.length)];
		page.lock();
		return List.of(page, shared);
	}

	/**
	 * Takes the lock that excludes every other write, for a re-render.
	 * @return the lock held
	 */
	Lock exclusive() {
		Lock exclusive = this.catalogWrites.writeLock();
		exclusive.lock();
		return exclusive;
	}

}
