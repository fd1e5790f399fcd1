package dev.marquee.ingestion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * QuickTheories generators of hostile input for the property tests: text that mixes
 * markup, script, event handlers, {@code javascript:} URLs (also split around what a
 * sanitizer removes, so that removing it joins them), placeholders and odd characters;
 * and JSON values of every type to put anywhere in a delivery.
 */
public final class HostileInputs {

	/** Complete attacks. */
	static final List<String> ATTACKS = List.of("<script>alert(1)</script>", "javascript:alert(1)", " onerror=alert(1)",
			"<iframe src=//x>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
			"<svg/onload=alert(1)>", "vbscript:msgbox(1)", "<style>body{}</style>",
			"<img src=\"x\"onerror=\"alert(1)\">", "<a href=\"java\tscript:alert(1)\">x</a>", "<object data=x>",
			"<embed src=x>", "<a href=\"&#106;avascript:alert(1)\">x</a>",
			"<a href=\"javascript&colon;alert(1)\">x</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
			"<a href=\"&#0000106&#97;vascript:alert(1)\">x</a>");

	/**
	 * What a sanitizer removes: put inside an attack, removing it would join the attack
	 * together.
	 */
	static final List<String> REMOVED = List.of("<script></script>", "<script>", "javascript:", " onclick=x",
			"/onload=", "<style></style>", "<iframe>", "vbscript:", "java\tscript:", "<embed>");

	static final List<String> FRAGMENTS = List.of("<", ">", "/", "\"", "'", "=", " ", "\t", "\n", "on", "error", "load",
			"script", "<script", "</script>", "java", "script:", ":", "<p>", "</p>", "<b>", "<a href=", "&lt;", "&amp;",
			"{{title:title-001.name}}", "{{talent:talent-001}}", "{{title:missing-x.name}}",
			"{{title:title-001.synopsis}}", "{{title:title-001.genres}}", "{{talent:talent-001.age}}", "a", "Z",
			"\u00e9", "\ud83d\udca5", "\u0000", "<!--", "-->", "<?", "< ", "</", "j", "{{", "}}", "ONERROR=",
			"JaVaScRiPt:", "&#106;", "&#x6A;", "&colon;", "&#58;", "&Tab;", "&#60;", "&#");

	/**
	 * Words the webhook formats use, so that mutated deliveries often stay close to valid
	 * ones.
	 */
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
	 * @return up to 8 fragments, attacks, split attacks and random characters,
	 * concatenated
	 */
	public static Gen<String> text() {
		Gen<String> split = Generate.pick(ATTACKS)
			.zip(Generate.pick(REMOVED), Generate.range(0, 40), (attack, removed, at) -> {
				int cut = at % (attack.length() + 1);
				return attack.substring(0, cut) + removed + attack.substring(cut);
			});
		Gen<String> piece = Generate.frequency(Pair.of(4, Generate.pick(FRAGMENTS)), Pair.of(2, Generate.pick(ATTACKS)),
				Pair.of(3, split), Pair.of(2, strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 6)),
				Pair.of(1, strings().allPossible().ofLengthBetween(0, 3)));
		return lists().of(piece).ofSizeBetween(0, 8).map((pieces) -> String.join("", pieces));
	}

	/**
	 * Any JSON value, up to the given depth of arrays and objects.
	 * @param depth how deep containers nest
	 * @return JSON values
	 */
	public static Gen<JsonNode> json(int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		Gen<JsonNode> leaf = Generate.oneOf(Generate.constant(nodes.nullNode()),
				Generate.booleans().map((value) -> nodes.booleanNode(value)),
				longs().all().map((value) -> nodes.numberNode(value)),
				Generate.pick(List.of(0L, -1L, 1L, Long.MAX_VALUE)).map((value) -> nodes.numberNode(value)),
				Generate.constant(nodes.numberNode(new BigInteger("99999999999999999999999"))),
				Generate.pick(List.of(1.5, -0.0, 1e308)).map((value) -> nodes.numberNode(value)),
				Generate.pick(WORDS).map((value) -> nodes.stringNode(value)),
				text().map((value) -> nodes.stringNode(value)));
		if (depth == 0) {
			return leaf;
		}
		Gen<JsonNode> inner = json(depth - 1);
		Gen<JsonNode> array = lists().of(inner).ofSizeBetween(0, 3).map((values) -> {
			ArrayNode node = nodes.arrayNode();
			values.forEach(node::add);
			return node;
		});
		return Generate.frequency(Pair.of(6, leaf), Pair.of(1, array), Pair.of(1, object(inner)));
	}

	/**
	 * Any JSON object, up to the given depth of arrays and objects (what
	 * {@link #json(int)} gives when it gives an object).
	 * @param depth how deep containers nest, at least 1
	 * @return JSON objects
	 */
	public static Gen<JsonNode> jsonObject(int depth) {
		return object(json(depth - 1));
	}

	private static Gen<JsonNode> object(Gen<JsonNode> inner) {
		Gen<Pair<String, JsonNode>> member = Generate.pick(WORDS).zip(inner, Pair::of);
		return lists().of(member).ofSizeBetween(0, 3).map((members) -> {
			ObjectNode node = JsonNodeFactory.instance.objectNode();
			members.forEach((entry) -> node.set(entry._1, entry._2));
			return node;
		});
	}

	/**
	 * Valid documents with one to four random mutations: a value replaced by any JSON, a
	 * member or item removed, or a member or item added.
	 * @param seeds valid documents
	 * @return mutated copies
	 */
	public static Gen<JsonNode> mutated(List<JsonNode> seeds) {
		Gen<Mutation> mutation = integers().between(0, 10_000)
			.zip(Generate.range(0, 2), json(2), Generate.pick(WORDS), Mutation::new);
		return Generate.pick(seeds).zip(lists().of(mutation).ofSizeBetween(1, 4), (seed, mutations) -> {
			JsonNode copy = seed.deepCopy();
			mutations.forEach((m) -> m.apply(copy));
			return copy;
		});
	}

	/**
	 * Null in about {@code percent} of the cases, otherwise a value of the generator.
	 * @param <T> the type of the values
	 * @param values the generator
	 * @param percent how often null, 0 to 100
	 * @return values or null
	 */
	public static <T> Gen<T> orNull(Gen<T> values, int percent) {
		return Generate.range(1, 100).zip(values, (roll, value) -> (roll <= percent) ? null : value);
	}

	/**
	 * One change to a document.
	 *
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
