package dev.marquee.hollowproducer.write;

import com.netflix.hollow.core.write.objectmapper.HollowPrimaryKey;
import com.netflix.hollow.core.write.objectmapper.HollowTypeName;

/**
 * The version of a removed page stage, kept in the Hollow state next to the pages so that
 * last-write-wins survives a restart: an upsert older than a delete stays ignored after
 * the producer restores. Consumers do not need this type and may filter it out.
 */
@HollowTypeName(name = PageTombstone.TYPE)
@HollowPrimaryKey(fields = { "pageId", "stage" })
final class PageTombstone {

	static final String TYPE = "PageTombstone";

	final String pageId;

	final String stage;

	final long contentVersion;

	PageTombstone(String pageId, String stage, long contentVersion) {
		this.pageId = pageId;
		this.stage = stage;
		this.contentVersion = contentVersion;
	}

}
