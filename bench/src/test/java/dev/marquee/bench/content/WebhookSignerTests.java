package dev.marquee.bench.content;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTests {

	@Test
	void signsDeliveryIdDotTimestampDotBodyWithHmacSha256AsConventionsSay() {
		// Expected value computed independently:
		// printf 'bench-page-1.1700000000000.{"a":1}' | openssl dgst -sha256 -hmac
		// local-marquee-webhook-secret
		String header = new WebhookSigner(WebhookSigner.LOCAL_DEFAULT_SECRET).sign("bench-page-1", 1_700_000_000_000L,
				"{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(header)
			.isEqualTo("t=1700000000000,v1=f99caf95fcbf7c65d4ebd6a8cacba5c36c9e459da279669659ab0a15a58f8f84");
	}

	@Test
	void differentSecretsOrDeliveryIdsGiveDifferentSignatures() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		assertThat(new WebhookSigner("a").sign("d", 1, body)).isNotEqualTo(new WebhookSigner("b").sign("d", 1, body));
		assertThat(new WebhookSigner("a").sign("d", 1, body)).isNotEqualTo(new WebhookSigner("a").sign("e", 1, body));
	}

}
