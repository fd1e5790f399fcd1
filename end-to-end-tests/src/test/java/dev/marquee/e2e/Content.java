package dev.marquee.e2e;

/**
 * Native webhook bodies (format: {@code ingestion-service/README.md}) for the end-to-end
 * tests.
 */
final class Content {

	private Content() {
	}

	static String asset(String id, long version) {
		return """
				{"type":"asset","action":"publish","id":"%s","version":%d,
				 "fields":{"file":"e2e/%s.jpg","width":1920,"height":1080,"mimeType":"image/jpeg",
				           "altText":"Key art %s","focalPoint":{"x":0.5,"y":0.3}}}
				""".formatted(id, version, id, id);
	}

	static String title(String id, String name, String artworkAssetId, long version) {
		return """
				{"type":"title","action":"publish","id":"%s","version":%d,
				 "fields":{"name":"%s","synopsis":"Synopsis of %s","maturityRating":"TV-14",
				           "genres":["Drama","Sci-Fi"],"artworkAssetId":"%s"}}
				""".formatted(id, version, name, name, artworkAssetId);
	}

	static String talent(String id, String name, String headshotAssetId, long version) {
		return """
				{"type":"talent","action":"publish","id":"%s","version":%d,
				 "fields":{"name":"%s","headshotAssetId":"%s"}}
				""".formatted(id, version, name, headshotAssetId);
	}

	/**
	 * An article page: a hero whose heading uses a title placeholder, a title card and a
	 * talent card.
	 */
	static String page(String action, String id, String slug, String heading, String titleId, String talentId,
			String assetId, long version) {
		return """
				{"type":"page","action":"%s","id":"%s","version":%d,
				 "fields":{"slug":"%s","template":"article","title":"Page %s","summary":"End-to-end page",
				   "elements":[
				     {"id":"hero","type":"HERO","text":{"heading":"%s","subheading":"About {{title:%s.name}}"},
				      "assetIds":["%s"]},
				     {"id":"body","type":"RICH_TEXT","text":{"html":"<p>Body of %s</p>"}},
				     {"id":"card","type":"TITLE_CARD","titleIds":["%s"]},
				     {"id":"person","type":"TALENT_CARD","talentIds":["%s"]}
				   ]}}
				""".formatted(action, id, version, slug, id, heading, titleId, assetId, id, titleId, talentId);
	}

	static String removal(String action, String type, String id, long version) {
		return """
				{"type":"%s","action":"%s","id":"%s","version":%d}
				""".formatted(type, action, id, version);
	}

}
