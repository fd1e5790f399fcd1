package dev.marquee.page.cassandra;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import dev.marquee.model.Page;
import dev.marquee.model.json.MarqueeJson;

/**
 * One page version as the near cache holds it: the page's JSON deflated, plus the few
 * fields the cache (its last-write-wins and unchanged checks) and the listing read
 * without inflating it. A 50-element page is ~100 KB of objects but a few KB deflated, so
 * the whole published dataset fits in the heap (see the README's near-cache section).
 *
 * <p>
 * The JSON is the shared model's ({@link MarqueeJson}), the mapping the read tables'
 * element bodies are written in, so a page decodes to exactly the page that was encoded.
 *
 * @param pageId the page id
 * @param slug the slug
 * @param title the title, for the listing
 * @param contentVersion the content version
 * @param deflated the page's JSON, deflated (never modified)
 * @param jsonLength the JSON's length, so decoding inflates into one exact array
 */
record CompactPage(String pageId, String slug, String title, long contentVersion, byte[] deflated, int jsonLength) {

	// Pages are encoded once per version and decoded on every read the decoded cache
	// misses. For a 60 KB page the fastest level deflates in a third of the default's
	// time (0.27 against 0.74 ms) to an entry a quarter larger (5.3 against 4.3 KB);
	// inflating costs the same at any level (NearCacheMemoryMeasurement).
	static final int LEVEL = Deflater.BEST_SPEED;

	/**
	 * @param page a page
	 * @return it, deflated
	 */
	static CompactPage of(Page page) {
		byte[] json = MarqueeJson.mapper().writeValueAsBytes(page);
		Deflater deflater = new Deflater(LEVEL);
		try {
			deflater.setInput(json);
			deflater.finish();
			// JSON deflates to well under half; the stream grows if this page does not.
			ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
			byte[] chunk = new byte[8192];
			while (!deflater.finished()) {
				out.write(chunk, 0, deflater.deflate(chunk));
			}
			return new CompactPage(page.pageId(), page.slug(), page.title(), page.contentVersion(), out.toByteArray(),
					json.length);
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * @return the page, inflated and parsed anew (callers cache it)
	 */
	Page page() {
		byte[] json = new byte[this.jsonLength];
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(this.deflated);
			int length = 0;
			while (length < json.length && !inflater.finished()) {
				int inflated = inflater.inflate(json, length, json.length - length);
				if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				length += inflated;
			}
			if (length != json.length || !inflater.finished()) {
				throw new IllegalStateException("near-cache entry of " + this.slug + " v" + this.contentVersion
						+ " inflated to " + length + " bytes, expected " + json.length);
			}
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("near-cache entry of " + this.slug + " is corrupt", ex);
		}
		finally {
			inflater.end();
		}
		return MarqueeJson.mapper().readValue(json, Page.class);
	}

	/**
	 * @return the version this entry holds: what a decoded copy is cached under
	 */
	Version version() {
		return new Version(this.slug, this.pageId, this.contentVersion);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CompactPage that) && this.contentVersion == that.contentVersion
				&& this.jsonLength == that.jsonLength && this.pageId.equals(that.pageId) && this.slug.equals(that.slug)
				&& this.title.equals(that.title) && Arrays.equals(this.deflated, that.deflated);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.contentVersion) * 31 + this.slug.hashCode();
	}

	@Override
	public String toString() {
		return "CompactPage[" + this.slug + " " + this.pageId + " v" + this.contentVersion + ", " + this.deflated.length
				+ " of " + this.jsonLength + " bytes]";
	}

	/**
	 * One page version under one slug: a version's content never changes, so a decoded
	 * copy cached under it is right whenever the near cache's entry names it, and a copy
	 * decoded from a replaced entry is never looked up again.
	 *
	 * @param slug the slug
	 * @param pageId the page id
	 * @param contentVersion the content version
	 */
	record Version(String slug, String pageId, long contentVersion) {
	}

}
