package dev.marquee.ingestion.webhook.contentful;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.ingestion.webhook.Hmac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentfulSignatureTests {

	private static final long NOW = 1_790_000_000_000L;

	private static final String SIGNED = "x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic";

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

	private final byte[] body = "{\"type\":\"asset\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void contentfulSignatureCoversMethodPathSignedHeadersAndBody() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-contentful-signed-headers", SIGNED);
		headers.put("x-contentful-timestamp", Long.toString(NOW - 1000));
		headers.put("x-contentful-topic", "ContentManagement.Entry.save");
		String signature = ContentfulSignature.sign("secret", "POST", "/webhooks/contentful", headers, this.body);
		headers.put("x-contentful-signature", signature);

		assertThat(signature).matches("[0-9a-f]{64}");
		assertThatCode(() -> ContentfulSignature.verify(headers::get, "POST", "/webhooks/contentful", this.body,
				"secret", Duration.ofSeconds(30), this.clock))
			.doesNotThrowAnyException();
		assertUnauthorized(() -> ContentfulSignature.verify(headers::get, "POST", "/webhooks/other", this.body,
				"secret", Duration.ofSeconds(30), this.clock));
		assertUnauthorized(() -> ContentfulSignature.verify(headers::get, "POST", "/webhooks/contentful", this.body,
				"secret", Duration.ofMillis(500), this.clock));
		Map<String, String> unsignedTimestamp = new LinkedHashMap<>(headers);
		unsignedTimestamp.put("x-contentful-signed-headers", "x-contentful-signed-headers");
		assertUnauthorized(() -> ContentfulSignature.verify(unsignedTimestamp::get, "POST", "/webhooks/contentful",
				this.body, "secret", Duration.ofSeconds(30), this.clock));
		Map<String, String> promoted = new LinkedHashMap<>(headers);
		promoted.put("x-contentful-topic", "ContentManagement.Entry.publish");
		assertUnauthorized(() -> ContentfulSignature.verify(promoted::get, "POST", "/webhooks/contentful", this.body,
				"secret", Duration.ofSeconds(30), this.clock));
	}

	@Test
	void contentfulRefusesACorrectSignatureThatLeavesTheTopicUnsigned() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-contentful-signed-headers", "x-contentful-signed-headers,x-contentful-timestamp");
		headers.put("x-contentful-timestamp", Long.toString(NOW - 1000));
		headers.put("x-contentful-signature", ContentfulSignature.sign("secret", "POST", "/webhooks/contentful",
				new LinkedHashMap<>(headers), this.body));
		headers.put("x-contentful-topic", "ContentManagement.Entry.publish");

		assertUnauthorized(() -> ContentfulSignature.verify(headers::get, "POST", "/webhooks/contentful", this.body,
				"secret", Duration.ofSeconds(30), this.clock));
	}

	@Test
	void contentfulCanonicalRequestMatchesTheToolkitLayout() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-contentful-signed-headers", "x-contentful-signed-headers,x-contentful-timestamp");
		headers.put("x-contentful-timestamp", "1700000000000");
		String canonical = "POST\n/hook\n"
				+ "x-contentful-signed-headers:x-contentful-signed-headers,x-contentful-timestamp;"
				+ "x-contentful-timestamp:1700000000000\n{\"a\":1}";

		assertThat(
				ContentfulSignature.sign("s", "post", "/hook", headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(Hmac.hex(Hmac.sha256("s", Hmac.utf8(canonical))));
	}

	@Test
	void signaturesDatedInTheFutureOrAtTheEndsOfTimeAreNotFresh() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-contentful-signed-headers", SIGNED);
		headers.put("x-contentful-timestamp", Long.toString(NOW + 3_600_000));
		headers.put("x-contentful-topic", "ContentManagement.Entry.publish");
		headers.put("x-contentful-signature",
				ContentfulSignature.sign("secret", "POST", "/webhooks/contentful", headers, this.body));

		assertUnauthorized(() -> ContentfulSignature.verify(headers::get, "POST", "/webhooks/contentful", this.body,
				"secret", Duration.ofSeconds(30), this.clock));
		// now - (now - 2^63) overflows to Long.MIN_VALUE, whose absolute value is
		// negative: "fresh" before the fix
		for (long timestamp : new long[] { NOW + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0 }) {
			assertThat(Hmac.fresh(timestamp, Duration.ofMinutes(5), this.clock)).as("t=%d", timestamp).isFalse();
		}
		assertThat(Hmac.fresh(NOW - 300_000, Duration.ofMinutes(5), this.clock)).isTrue();
		assertThat(Hmac.fresh(NOW + 300_000, Duration.ofMinutes(5), this.clock)).isTrue();
	}

	private static void assertUnauthorized(Runnable verification) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(verification::run)
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(401));
	}

}
