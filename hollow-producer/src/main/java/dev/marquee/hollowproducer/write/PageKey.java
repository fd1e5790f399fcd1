package dev.marquee.hollowproducer.write;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;

/**
 * The primary key of a page record: page id and stage.
 *
 * @param pageId the page
 * @param stage the stage
 */
record PageKey(String pageId, Stage stage) {

	static PageKey of(PageChanged change) {
		return new PageKey(change.pageId(), change.stage());
	}

}
