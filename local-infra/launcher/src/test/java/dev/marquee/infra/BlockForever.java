package dev.marquee.infra;

/**
 * A main class that never returns by itself, standing in for a server under
 * {@link OrphanGuard}.
 */
final class BlockForever {

	private BlockForever() {
	}

	public static void main(String[] args) throws InterruptedException {
		Thread.currentThread().join();
	}

}
