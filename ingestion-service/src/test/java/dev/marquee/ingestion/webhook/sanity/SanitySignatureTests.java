package dev.marquee.ingestion.webhook.sanity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.marquee.ingestion.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SanitySignatureTests {

	private static final long NOW = 1_790_000_000_000L;

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

	private final byte[] body = "{\"type\":\"asset\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void sanitySignatureIsBase64UrlHmacOfTimestampDotBody() {
		String header = SanitySignature.sign("secret", NOW, this.body);

		assertThat(header).matches("t=\\d+,v1=[A-Za-z0-9_-]{43}");
		assertThatCode(() -> SanitySignature.verify(header, this.body, "secret", Duration.ofMinutes(5), this.clock))
			.doesNotThrowAnyException();
		assertUnauthorized(() -> SanitySignature.verify(header, this.body, "other", Duration.ofMinutes(5), this.clock));
		assertUnauthorized(() -> SanitySignature.verify(SanitySignature.sign("secret", NOW - 600_000, this.body),
				this.body, "secret", Duration.ofMinutes(5), this.clock));
	}

	@Test
	void sanitySignaturesAtTheEndsOfTimeAreNotFresh() {
		// now - (now - 2^63) overflows to Long.MIN_VALUE, whose absolute value is
		// negative: "fresh" before the fix
		for (long timestamp : new long[] { NOW + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0 }) {
			assertUnauthorized(() -> SanitySignature.verify(SanitySignature.sign("secret", timestamp, this.body),
					this.body, "secret", Duration.ofMinutes(5), this.clock));
		}
	}

	private static void assertUnauthorized(Runnable verification) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(verification::run)
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(401));
	}

}
