package dev.marquee.page.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.marquee.model.ReadPath;

/**
 * The response body of every page version served, serialized once and then sent as bytes:
 * a page version never changes, so a read costs a cache lookup instead of writing ~60 KB
 * of JSON. A gzip copy is made the first time a client that accepts gzip asks for the
 * version. Keyed by read path and content version (a content version is unique across
 * page stages), so the two paths never share bytes and a difference between them stays
 * visible.
 */
@Component
class PageBodies {

	private final JsonMapper json;

	private final long gzipAbove;

	private final Cache<Key, Body> bodies;

	PageBodies(JsonMapper json, PageBodySettings settings, MeterRegistry meters) {
		this.json = json;
		this.gzipAbove = settings.gzipAbove().toBytes();
		// Weighed with a gzip copy's share (JSON compresses to about a tenth), made or
		// not yet.
		this.bodies = Caffeine.newBuilder()
			.maximumWeight(settings.bodyCache().toBytes())
			.weigher((Key key, Body body) -> body.json.length + body.json.length / 8)
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.bodies, "marquee.page.bodies");
	}

	/**
	 * The body of a page as served.
	 * @param served the page and its path
	 * @return its bytes, serialized at most once per version while cached
	 */
	Body of(Served served) {
		return this.bodies.get(new Key(served.path(), served.page().contentVersion()),
				(key) -> new Body(this.json.writeValueAsBytes(PageResponse.of(served.page())), this.gzipAbove));
	}

	/**
	 * The body of a page as served, if it is cached; never serializes.
	 * @param served the page and its path
	 * @return its bytes, or null when the version is not cached
	 */
	@Nullable Body cached(Served served) {
		return this.bodies.getIfPresent(new Key(served.path(), served.page().contentVersion()));
	}

	private record Key(ReadPath path, long contentVersion) {
	}

	/** One page version's body, as JSON and, once asked for, gzip-compressed. */
	static final class Body {

		private final byte[] json;

		private final boolean compressible;

		private volatile byte @Nullable [] gzip;

		private Body(byte[] json, long gzipAbove) {
			this.json = json;
			this.compressible = json.length >= gzipAbove;
		}

		byte[] json() {
			return this.json;
		}

		/**
		 * @return whether a gzip copy is worth sending
		 */
		boolean compressible() {
			return this.compressible;
		}

		/**
		 * @return the gzip copy, compressed on first use (two racing readers may both
		 * compress it: harmless)
		 */
		byte[] gzip() {
			byte[] compressed = this.gzip;
			if (compressed == null) {
				compressed = compress(this.json);
				this.gzip = compressed;
			}
			return compressed;
		}

		private static byte[] compress(byte[] bytes) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
			try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
				gzip.write(bytes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

}
