package dev.marquee.ingestion;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contentful, Sanity and Strapi deliveries in their real formats and signature schemes,
 * end to end: each maps onto Marquee's content model and publishes hydrated pages; a
 * wrong signature or token is refused.
 */
class CmsWebhooksIntegrationTests extends IngestionIntegrationTestSupport {

	static final String CONTENTFUL_SECRET = "local-contentful-webhook-secret";

	static final String SANITY_SECRET = "local-sanity-webhook-secret";

	static final String STRAPI_TOKEN = "local-strapi-webhook-token";

	@Test
	void contentfulPublishThenUnpublishAndDeleteDispatchOnTheTopic() {
		Deliveries deliveries = deliveries();
		String asset = unique("cf-asset");
		String title = unique("cf-title");
		String page = unique("cf-page");
		assertThat(contentful(deliveries, "ContentManagement.Asset.publish", """
				{"sys":{"id":"%s","type":"Asset","version":3},
				 "fields":{"title":{"en-US":"Poster"},
				  "file":{"en-US":{"url":"//images.ctfassets.net/space/%s/poster.jpg","contentType":"image/jpeg",
				   "details":{"image":{"width":1000,"height":1500}}}}}}""".formatted(asset, asset)).statusCode())
			.isEqualTo(200);
		assertThat(contentful(deliveries, "ContentManagement.Entry.publish", """
				{"sys":{"id":"%s","type":"Entry","version":5,
				 "contentType":{"sys":{"type":"Link","linkType":"ContentType","id":"title"}}},
				 "fields":{"name":{"en-US":"Night Shift"},"synopsis":{"en-US":"A long night."},
				  "maturityRating":{"en-US":"TV-MA"},"genres":{"en-US":["Drama"]},
				  "artwork":{"en-US":{"sys":{"type":"Link","linkType":"Asset","id":"%s"}}}}}""".formatted(title, asset))
			.statusCode()).isEqualTo(200);

		HttpResponse<String> published = contentful(deliveries, "ContentManagement.Entry.publish", """
				{"sys":{"id":"%s","type":"Entry","version":7,
				 "contentType":{"sys":{"type":"Link","linkType":"ContentType","id":"page"}}},
				 "fields":{"slug":{"en-US":"%s"},"template":{"en-US":"home"},"title":{"en-US":"Tonight"},
				  "elements":{"en-US":[{"id":"row","type":"TITLE_ROW",
				   "text":{"heading":"{{title:%s.name}} and more"},"titleIds":["%s"]}]}}}""".formatted(page, page,
				title, title));

		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		Page rendered = hollow.changesOf(page).get(0).page();
		assertThat(rendered.elements().get(0).text().get("heading")).isEqualTo("Night Shift and more");
		assertThat(rendered.elements().get(0).titles().get(0).artwork().url())
			.isEqualTo("https://cdn.marquee.local/images/space/" + asset + "/poster.jpg");

		String tombstone = """
				{"sys":{"id":"%s","type":"DeletedEntry","revision":2,"contentType":{"sys":{"id":"page"}}}}"""
			.formatted(page);
		assertThat(contentful(deliveries, "ContentManagement.Entry.unpublish", tombstone).statusCode()).isEqualTo(200);
		List<PageChanged> afterUnpublish = hollow.changesOf(page);
		assertThat(afterUnpublish.get(afterUnpublish.size() - 1).kind()).isEqualTo(PageChanged.ChangeKind.DELETED);
		assertThat(afterUnpublish.get(afterUnpublish.size() - 1).stage()).isEqualTo(Stage.PUBLISHED);

		assertThat(contentful(deliveries, "ContentManagement.Entry.delete", tombstone).statusCode()).isEqualTo(200);
		List<PageChanged> afterDelete = hollow.changesOf(page);
		assertThat(afterDelete.get(afterDelete.size() - 1).kind()).isEqualTo(PageChanged.ChangeKind.DELETED);
		assertThat(afterDelete.get(afterDelete.size() - 1).stage()).isEqualTo(Stage.PREVIEW);
	}

	@Test
	void contentfulRefusesWrongSignatureAndExpiredTimestamp() {
		Deliveries deliveries = deliveries();
		String body = "{\"sys\":{\"id\":\"x\",\"type\":\"Asset\",\"version\":1},\"fields\":{}}";
		long now = System.currentTimeMillis();

		HttpResponse<String> wrong = deliveries
			.send(contentfulRequest(deliveries, "ContentManagement.Asset.publish", body, now, "not-the-secret"));
		HttpResponse<String> expired = deliveries.send(contentfulRequest(deliveries, "ContentManagement.Asset.publish",
				body, now - Duration.ofSeconds(31).toMillis(), CONTENTFUL_SECRET));

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(expired.statusCode()).isEqualTo(401);
	}

	@Test
	void sanityDraftThenPublishAndRefusesWrongSignature() {
		Deliveries deliveries = deliveries();
		String asset = unique("sn-asset");
		String page = unique("sn-page");
		assertThat(sanity(deliveries, "create", """
				{"_id":"image-%s","_type":"sanity.imageAsset","_updatedAt":"2026-01-01T10:00:00Z",
				 "path":"images/prod/%s.png","mimeType":"image/png",
				  "metadata":{"dimensions":{"width":800,"height":600}}}""".formatted(asset, asset), SANITY_SECRET)
			.statusCode()).isEqualTo(200);
		String pageBody = """
				{"_id":"%s%s","_type":"page","_updatedAt":"%s","slug":{"_type":"slug","current":"%s"},
				 "template":"article","title":"Behind the scenes","summary":"How it was made",
				 "elements":[{"_key":"k1","_type":"image","text":{"caption":"On set"},
				  "images":[{"asset":{"_ref":"image-%s"}}]}]}""";

		HttpResponse<String> draft = sanity(deliveries, "create",
				pageBody.formatted("drafts.", page, "2026-01-01T10:01:00Z", page, asset), SANITY_SECRET);
		HttpResponse<String> publish = sanity(deliveries, "update",
				pageBody.formatted("", page, "2026-01-01T10:02:00Z", page, asset), SANITY_SECRET);
		HttpResponse<String> wrong = sanity(deliveries, "update",
				pageBody.formatted("", page, "2026-01-01T10:03:00Z", page, asset), "not-the-secret");

		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
		assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(hollow.changesOf(page)).extracting(PageChanged::stage)
			.containsExactly(Stage.PREVIEW, Stage.PUBLISHED, Stage.PREVIEW);
		assertThat(hollow.changesOf(page).get(1).page().elements().get(0).images().get(0).url())
			.isEqualTo("https://cdn.marquee.local/images/images/prod/" + asset + ".png");
	}

	@Test
	void strapiPublishWithBearerTokenAndRefusesWrongToken() {
		Deliveries deliveries = deliveries();
		String talent = unique("st-talent");
		String page = unique("st-page");
		String updatedAt = Instant.now().toString();
		assertThat(strapi(deliveries, "entry.publish", """
				{"event":"entry.publish","model":"talent","uid":"api::talent.talent",
				 "entry":{"id":1,"documentId":"%s","name":"Ada Stone","updatedAt":"%s","publishedAt":"%s"}}"""
			.formatted(talent, updatedAt, updatedAt), STRAPI_TOKEN).statusCode()).isEqualTo(200);
		String pageBody = """
				{"event":"entry.publish","model":"page","uid":"api::page.page",
				 "entry":{"id":2,"documentId":"%s","slug":"%s","template":"article","title":"Meet {{talent:%s.name}}",
				  "summary":"An interview","updatedAt":"%s","publishedAt":"%s",
				  "elements":[{"id":"q","type":"QUOTE","text":{"quote":"I love nights.",
				   "attribution":"{{talent:%s}}"},"talentIds":["%s"]}]}}""".formatted(page, page, talent, updatedAt,
				updatedAt, talent, talent);

		HttpResponse<String> wrong = strapi(deliveries, "entry.publish", pageBody, "wrong-token");
		HttpResponse<String> published = strapi(deliveries, "entry.publish", pageBody, STRAPI_TOKEN);

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		Page rendered = hollow.changesOf(page).get(0).page();
		assertThat(rendered.title()).isEqualTo("Meet Ada Stone");
		assertThat(rendered.elements().get(0).text()).containsEntry("attribution", "Ada Stone");
		assertThat(rendered.elements().get(0).talent().get(0).name()).isEqualTo("Ada Stone");
		JsonNode body = MarqueeJson.mapper().readTree(published.body());
		assertThat(body.get("source").asString()).isEqualTo("strapi");
	}

	private HttpResponse<String> contentful(Deliveries deliveries, String topic, String body) {
		return deliveries
			.send(contentfulRequest(deliveries, topic, body, System.currentTimeMillis(), CONTENTFUL_SECRET));
	}

	private HttpRequest contentfulRequest(Deliveries deliveries, String topic, String body, long timestamp,
			String secret) {
		return deliveries.request("/webhooks/contentful")
			.header("Content-Type", "application/vnd.contentful.management.v1+json")
			.header("X-Contentful-Topic", topic)
			.header("X-Contentful-Idempotency-Key", UUID.randomUUID().toString())
			.header("x-contentful-signed-headers", Deliveries.CONTENTFUL_SIGNED_HEADERS)
			.header("x-contentful-timestamp", Long.toString(timestamp))
			.header("x-contentful-signature",
					Deliveries.contentfulSignature(secret, "POST", "/webhooks/contentful", timestamp, topic,
							body.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> sanity(Deliveries deliveries, String operation, String body, String secret) {
		return deliveries.send(deliveries.request("/webhooks/sanity")
			.header("Content-Type", "application/json")
			.header("sanity-operation", operation)
			.header("idempotency-key", UUID.randomUUID().toString())
			.header("sanity-webhook-signature",
					Deliveries.sanitySignature(secret, System.currentTimeMillis(),
							body.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> strapi(Deliveries deliveries, String event, String body, String token) {
		return deliveries.send(deliveries.request("/webhooks/strapi")
			.header("Content-Type", "application/json")
			.header("X-Strapi-Event", event)
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}
