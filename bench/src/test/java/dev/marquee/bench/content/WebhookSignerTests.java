package dev.marquee.bench.content;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTests {

	@Test
	void signsTimestampDotBodyWithHmacSha256AsConventionsSay() {
		// Expected value computed independently:
		// printf '1700000000000.{"a":1}' | openssl dgst -sha256 -hmac local-marquee-webhook-secret
		String header = new WebhookSigner(WebhookSigner.LOCAL_DEFAULT_SECRET).sign(1_700_000_000_000L,
				"{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(header)
			.isEqualTo("t=1700000000000,v1=3c4270e99ea3628b7690f37ebf51a46909ed846163381ca76b632755c92dc88b");
	}

	@Test
	void differentSecretsGiveDifferentSignatures() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		assertThat(new WebhookSigner("a").sign(1, body)).isNotEqualTo(new WebhookSigner("b").sign(1, body));
	}

}
