package dev.marquee.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.model.json.MarqueeJson;

/**
 * Builds native-format webhook bodies ({@code {type, id, action, version, fields}}) as
 * JSON.
 */
final class NativeDeliveries {

	private NativeDeliveries() {
	}

	static String delivery(String type, String id, String action, long version, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("id", id);
		body.put("action", action);
		body.put("version", version);
		body.put("fields", fields);
		return MarqueeJson.mapper().writeValueAsString(body);
	}

	static Map<String, Object> asset(String file, int width, int height, String altText, double focalX, double focalY) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("file", file);
		fields.put("width", width);
		fields.put("height", height);
		fields.put("mimeType", "image/jpeg");
		fields.put("altText", altText);
		// Ordered maps only: Map.of iterates in a different order in every JVM, and the
		// committed samples must
		// be byte-for-byte what the generator writes.
		Map<String, Object> focalPoint = new LinkedHashMap<>();
		focalPoint.put("x", focalX);
		focalPoint.put("y", focalY);
		fields.put("focalPoint", focalPoint);
		return fields;
	}

	static Map<String, Object> title(String name, String synopsis, String rating, List<String> genres,
			String artworkAssetId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("synopsis", synopsis);
		fields.put("maturityRating", rating);
		fields.put("genres", genres);
		fields.put("artworkAssetId", artworkAssetId);
		return fields;
	}

	static Map<String, Object> talent(String name, String headshotAssetId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("headshotAssetId", headshotAssetId);
		return fields;
	}

	static Map<String, Object> page(String slug, String template, String title, String summary,
			List<Map<String, Object>> elements) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("slug", slug);
		fields.put("template", template);
		fields.put("title", title);
		fields.put("summary", summary);
		fields.put("elements", elements);
		return fields;
	}

	static Map<String, Object> element(String id, String type, Map<String, String> text, List<String> assetIds,
			List<String> titleIds, List<String> talentIds) {
		Map<String, Object> element = new LinkedHashMap<>();
		element.put("id", id);
		element.put("type", type);
		element.put("text", new java.util.TreeMap<>(text));
		if (!assetIds.isEmpty()) {
			element.put("assetIds", assetIds);
		}
		if (!titleIds.isEmpty()) {
			element.put("titleIds", titleIds);
		}
		if (!talentIds.isEmpty()) {
			element.put("talentIds", talentIds);
		}
		return element;
	}

}
