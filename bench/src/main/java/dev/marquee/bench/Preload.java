package dev.marquee.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.marquee.sample.Delivery;
import dev.marquee.bench.platform.PageClient;
import dev.marquee.bench.report.ProgressBar;
import dev.marquee.model.ReadPath;

/**
 * Brings the platform to a dataset size through the real signed webhook: the catalog,
 * then pages {@code 0..n-1}. Deliveries have stable ids, so what was loaded before is
 * answered as a duplicate and a preload of a bigger dataset only adds pages; when the
 * last page is already readable on both paths nothing is sent.
 */
final class Preload {

	private Preload() {
	}

	/**
	 * The outcome.
	 *
	 * @param pages pages in the dataset
	 * @param elements elements in the dataset
	 * @param posted deliveries posted now (0 when already loaded)
	 * @param seconds how long it took
	 */
	record Loaded(int pages, long elements, long posted, double seconds) {

	}

	static Loaded ensure(Context context, long elements) throws Exception {
		int pages = context.dataset.pagesFor(elements);
		long total = (long) pages * context.dataset.elementsPerPage();
		long start = System.nanoTime();
		String last = context.dataset.slug(pages - 1);
		if (readable(context, last)) {
			context.console.printf("dataset of %,d pages (%,d elements) already loaded%n", pages, total);
			return new Loaded(pages, total, 0, 0);
		}
		List<Delivery> catalog = context.dataset.catalog();
		post(context, "catalog", catalog.size(), catalog::get);
		post(context, "pages", pages, context.dataset::page);
		double seconds = (System.nanoTime() - start) / 1e9;
		context.console.printf("loaded %,d pages (%,d elements) in %.1f s%n", pages, total, seconds);
		return new Loaded(pages, total, catalog.size() + (long) pages, seconds);
	}

	private static boolean readable(Context context, String slug) {
		try {
			for (ReadPath path : ReadPath.values()) {
				PageClient.Answer answer = context.pages.published(slug, path);
				if (!answer.ok()) {
					return false;
				}
			}
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static void post(Context context, String label, int count, java.util.function.IntFunction<Delivery> source)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(context.preloadConcurrency);
		AtomicLong done = new AtomicLong();
		try (ProgressBar bar = new ProgressBar(context.console, label, count)) {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					context.webhooks.post(source.apply(index), 30);
					bar.update(done.incrementAndGet());
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
