package dev.marquee.bench.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal ({@code \r}-redrawn, at most five times a
 * second), with rate and time left.
 */
public final class ProgressBar implements AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final String label;

	private final long total;

	private final long startNanos = System.nanoTime();

	private long lastDrawNanos;

	private long current;

	public ProgressBar(PrintStream out, String label, long total) {
		this.out = out;
		this.label = label;
		this.total = Math.max(1, total);
	}

	/**
	 * Moves the bar.
	 * @param done how much is done, out of the total
	 */
	public synchronized void update(long done) {
		this.current = Math.max(this.current, done);
		long now = System.nanoTime();
		if (now - this.lastDrawNanos >= 200_000_000L || this.current >= this.total) {
			this.lastDrawNanos = now;
			this.out.print("\r" + render(this.label, this.current, this.total, (now - this.startNanos) / 1e9));
			this.out.flush();
		}
	}

	@Override
	public synchronized void close() {
		this.out.print("\r" + render(this.label, this.current, this.total, (System.nanoTime() - this.startNanos) / 1e9)
				+ "\n");
		this.out.flush();
	}

	/**
	 * The bar's text.
	 * @param label what is progressing
	 * @param done how much is done
	 * @param total out of
	 * @param elapsedSeconds since the start
	 * @return e.g. {@code preload [#########.....]  45% 900/2000  30.0/s  eta 36s}
	 */
	static String render(String label, long done, long total, double elapsedSeconds) {
		double fraction = Math.min(1.0, (double) done / total);
		int filled = (int) Math.round(fraction * WIDTH);
		double rate = (elapsedSeconds > 0) ? done / elapsedSeconds : 0;
		String eta = (rate > 0 && done < total)
				? String.format(Locale.ROOT, "eta %ds", Math.round((total - done) / rate))
				: String.format(Locale.ROOT, "%.0fs", elapsedSeconds);
		return String.format(Locale.ROOT, "%-12s [%s%s] %3d%% %d/%d  %.1f/s  %s   ", label, "#".repeat(filled),
				".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, rate, eta);
	}

}
