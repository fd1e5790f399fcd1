package dev.marquee.page.pages;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;

/**
 * A rendered page as server-driven-UI JSON: the page's metadata and its elements in
 * display order, each fully hydrated (CDN image URLs with sizes, title and talent cards),
 * so a client renders it without further lookups.
 *
 * @param pageId the CMS page id
 * @param slug the URL segment
 * @param stage PUBLISHED, or PREVIEW on the preview API
 * @param template the template that validated the page
 * @param title the page title
 * @param summary a short description
 * @param contentVersion the rendered version (also the {@code Marquee-Content-Version}
 * header and the ETag)
 * @param sourceVersion the CMS document version rendered
 * @param ingestedAt when ingestion accepted the write that produced this version
 * @param traceId the id that follows the write from the webhook to this page build
 * @param elements the elements in display order
 */
@Schema(name = "Page", description = "A rendered page: metadata plus ordered, fully hydrated elements")
record PageResponse(String pageId, String slug, Stage stage, String template, String title, @Nullable String summary,
		long contentVersion, long sourceVersion, Instant ingestedAt, String traceId, List<Element> elements) {

	static PageResponse of(Page page) {
		List<Element> ordered = page.elements()
			.stream()
			.sorted(java.util.Comparator.comparingInt(Element::position))
			.toList();
		return new PageResponse(page.pageId(), page.slug(), page.stage(), page.template(), page.title(), page.summary(),
				page.contentVersion(), page.sourceVersion(), page.ingestedAt(), page.traceId(), ordered);
	}

	static final String EXAMPLE = """
			{
			  "pageId": "page-stranger-things",
			  "slug": "stranger-things",
			  "stage": "PUBLISHED",
			  "template": "title-hub",
			  "title": "Stranger Things",
			  "summary": "Everything about the final season",
			  "contentVersion": 1795685730123456,
			  "sourceVersion": 7,
			  "ingestedAt": "2026-11-26T10:15:30.123Z",
			  "traceId": "4bf92f3577b34da6a3ce929d0e0e4736",
			  "elements": [
			    {
			      "elementId": "hero-1",
			      "type": "HERO",
			      "position": 0,
			      "text": { "heading": "Stranger Things 5", "subheading": "The final season" },
			      "images": [
			        {
			          "assetId": "asset-st5-key-art",
			          "url": "https://cdn.marquee.example/asset-st5-key-art.jpg",
			          "width": 3840, "height": 2160, "mimeType": "image/jpeg",
			          "altText": "The Hawkins kids on bikes", "focalX": 0.5, "focalY": 0.3,
			          "renditions": [
			            { "width": 640, "height": 360, "url": "https://cdn.marquee.example/asset-st5-key-art.jpg?w=640" },
			            { "width": 1920, "height": 1080, "url": "https://cdn.marquee.example/asset-st5-key-art.jpg?w=1920" }
			          ]
			        }
			      ],
			      "titles": [],
			      "talent": []
			    },
			    {
			      "elementId": "cast-row",
			      "type": "TALENT_CARD",
			      "position": 1,
			      "text": {},
			      "images": [],
			      "titles": [],
			      "talent": [ { "talentId": "talent-mbb", "name": "Millie Bobby Brown", "headshot": null } ]
			    }
			  ]
			}
			""";

}
