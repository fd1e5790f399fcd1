package dev.marquee.ingestion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * jqwik generators of hostile input for the property tests: text that mixes markup, script, event handlers,
 * {@code javascript:} URLs (also split around what a sanitizer removes, so that removing it joins them),
 * placeholders and odd characters; and JSON values of every type to put anywhere in a delivery.
 */
public final class HostileInputs {

	/** Complete attacks. */
	static final List<String> ATTACKS = List.of("<script>alert(1)</script>", "javascript:alert(1)",
			" onerror=alert(1)", "<iframe src=//x>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
			"<svg/onload=alert(1)>", "vbscript:msgbox(1)", "<style>body{}</style>", "<img src=\"x\"onerror=\"alert(1)\">",
			"<a href=\"java\tscript:alert(1)\">x</a>", "<object data=x>", "<embed src=x>",
			"<a href=\"&#106;avascript:alert(1)\">x</a>", "<a href=\"javascript&colon;alert(1)\">x</a>",
			"<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a href=\"&#0000106&#97;vascript:alert(1)\">x</a>");

	/** What a sanitizer removes: put inside an attack, removing it would join the attack together. */
	static final List<String> REMOVED = List.of("<script></script>", "<script>", "javascript:", " onclick=x", "/onload=",
			"<style></style>", "<iframe>", "vbscript:", "java\tscript:", "<embed>");

	static final List<String> FRAGMENTS = List.of("<", ">", "/", "\"", "'", "=", " ", "\t", "\n", "on", "error",
			"load", "script", "<script", "</script>", "java", "script:", ":", "<p>", "</p>", "<b>", "<a href=", "&lt;",
			"&amp;", "{{title:title-001.name}}", "{{talent:talent-001}}", "{{title:missing-x.name}}",
			"{{title:title-001.synopsis}}", "{{title:title-001.genres}}", "{{talent:talent-001.age}}", "a", "Z", "\u00e9",
			"\ud83d\udca5", "\u0000", "<!--", "-->", "<?", "< ", "</", "j", "{{", "}}", "ONERROR=", "JaVaScRiPt:", "&#106;",
			"&#x6A;", "&colon;", "&#58;", "&Tab;", "&#60;", "&#");

	/** Words the webhook formats use, so that mutated deliveries often stay close to valid ones. */
	static final List<String> WORDS = List.of("page", "title", "talent", "asset", "publish", "draft", "unpublish",
			"delete", "", " ", "drafts.", "drafts.x", "2026-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z",
			"not-a-date", "HERO", "RICH_TEXT", "TITLE_ROW", "TITLE_CARD", "TALENT_CARD", "QUOTE", "IMAGE", "GALLERY",
			"PROMO", "VIDEO", "richText", "titleRow", "home", "article", "title-hub", "title-001", "talent-001",
			"asset-001", "asset-002", "missing-x", "articles/a-b", "en-US", "sanity.imageAsset", "image/jpeg",
			"ContentManagement.Entry.publish", "x".repeat(250));

	private HostileInputs() {
	}

	/**
	 * Hostile text.
	 * @return up to 8 fragments, attacks, split attacks and random characters, concatenated
	 */
	public static Arbitrary<String> text() {
		Arbitrary<String> split = Combinators
			.combine(Arbitraries.of(ATTACKS), Arbitraries.of(REMOVED), Arbitraries.integers().between(0, 40))
			.as((attack, removed, at) -> {
				int cut = at % (attack.length() + 1);
				return attack.substring(0, cut) + removed + attack.substring(cut);
			});
		Arbitrary<String> piece = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(FRAGMENTS)),
				net.jqwik.api.Tuple.of(2, Arbitraries.of(ATTACKS)), net.jqwik.api.Tuple.of(3, split),
				net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(3)));
		return piece.list().ofMaxSize(8).map((pieces) -> String.join("", pieces));
	}

	/**
	 * Any JSON value, up to the given depth of arrays and objects.
	 * @param depth how deep containers nest
	 * @return JSON values
	 */
	public static Arbitrary<JsonNode> json(int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		Arbitrary<JsonNode> leaf = Arbitraries.oneOf(Arbitraries.just(nodes.nullNode()),
				Arbitraries.of(true, false).map(nodes::booleanNode),
				Arbitraries.longs().map(nodes::numberNode), Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE).map(nodes::numberNode),
				Arbitraries.just(nodes.numberNode(new BigInteger("99999999999999999999999"))),
				Arbitraries.of(1.5, -0.0, 1e308).map(nodes::numberNode), Arbitraries.of(WORDS).map(nodes::stringNode),
				text().map(nodes::stringNode));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<JsonNode> inner = json(depth - 1);
		Arbitrary<JsonNode> array = inner.list().ofMaxSize(3).map((values) -> {
			ArrayNode node = nodes.arrayNode();
			values.forEach(node::add);
			return node;
		});
		Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.of(WORDS), inner).as(List::<Object>of)
			.list()
			.ofMaxSize(3)
			.map((entries) -> {
				ObjectNode node = nodes.objectNode();
				entries.forEach((entry) -> node.set((String) entry.get(0), (JsonNode) entry.get(1)));
				return node;
			});
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, leaf), net.jqwik.api.Tuple.of(1, array),
				net.jqwik.api.Tuple.of(1, object));
	}

	/**
	 * Valid documents with one to four random mutations: a value replaced by any JSON, a member or item removed,
	 * or a member or item added.
	 * @param seeds valid documents
	 * @return mutated copies
	 */
	public static Arbitrary<JsonNode> mutated(List<JsonNode> seeds) {
		Arbitrary<Mutation> mutation = Combinators
			.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 2), json(2),
					Arbitraries.of(WORDS))
			.as(Mutation::new);
		return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(4))
			.as((seed, mutations) -> {
				JsonNode copy = seed.deepCopy();
				mutations.forEach((m) -> m.apply(copy));
				return copy;
			});
	}

	/**
	 * One change to a document.
	 * @param target which container (and member) it changes
	 * @param kind 0 replace, 1 remove, 2 add
	 * @param value the new value
	 * @param name the name of an added member
	 */
	record Mutation(int target, int kind, JsonNode value, String name) {

		void apply(JsonNode root) {
			List<JsonNode> containers = new ArrayList<>();
			collect(root, containers);
			JsonNode container = containers.get(this.target % containers.size());
			int member = this.target / containers.size();
			if (container instanceof ObjectNode object) {
				List<String> names = new ArrayList<>(object.propertyNames());
				if (names.isEmpty() || this.kind == 2) {
					object.set(this.name, this.value);
				}
				else if (this.kind == 0) {
					object.set(names.get(member % names.size()), this.value);
				}
				else {
					object.remove(names.get(member % names.size()));
				}
			}
			else if (container instanceof ArrayNode array) {
				if (array.isEmpty() || this.kind == 2) {
					array.add(this.value);
				}
				else if (this.kind == 0) {
					array.set(member % array.size(), this.value);
				}
				else {
					array.remove(member % array.size());
				}
			}
		}

		private static void collect(JsonNode node, List<JsonNode> containers) {
			if (node.isContainer()) {
				containers.add(node);
				node.values().forEach((child) -> collect(child, containers));
			}
		}

	}

}
