package dev.marquee.model.hollow;

import java.util.List;

import com.netflix.hollow.core.write.objectmapper.HollowPrimaryKey;
import com.netflix.hollow.core.write.objectmapper.HollowTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A rendered page in the Hollow state, one record per page and stage. Its elements are
 * references, so an element that did not change between versions is stored once.
 */
@HollowTypeName(name = "Page")
@HollowPrimaryKey(fields = { "pageId", "stage" })
public final class HollowPage {

	/** Hollow type name of pages. */
	public static final String TYPE = "Page";

	final String pageId;

	final String stage;

	final String slug;

	final String template;

	final String title;

	final @Nullable String summary;

	final List<HollowElement> elements;

	final long contentVersion;

	final long sourceVersion;

	final long ingestedAtMillis;

	final String traceId;

	HollowPage(String pageId, String stage, String slug, String template, String title, @Nullable String summary,
			List<HollowElement> elements, long contentVersion, long sourceVersion, long ingestedAtMillis,
			String traceId) {
		this.pageId = pageId;
		this.stage = stage;
		this.slug = slug;
		this.template = template;
		this.title = title;
		this.summary = summary;
		this.elements = elements;
		this.contentVersion = contentVersion;
		this.sourceVersion = sourceVersion;
		this.ingestedAtMillis = ingestedAtMillis;
		this.traceId = traceId;
	}

	/**
	 * @return the page id (primary key, with the stage)
	 */
	public String pageId() {
		return this.pageId;
	}

	/**
	 * @return the stage's name (primary key, with the page id)
	 */
	public String stage() {
		return this.stage;
	}

	/**
	 * @return the rendered content version
	 */
	public long contentVersion() {
		return this.contentVersion;
	}

}
