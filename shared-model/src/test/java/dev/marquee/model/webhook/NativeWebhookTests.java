package dev.marquee.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.marquee.model.webhook.NativeWebhook.Reason;
import dev.marquee.model.webhook.NativeWebhook.Rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NativeWebhookTests {

	private static final long NOW = 1_790_000_000_000L;

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

	private final byte[] body = "{\"type\":\"asset\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void signatureIsHexHmacOfDeliveryIdDotTimestampDotBody() throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update(("d-1." + NOW + ".").getBytes(StandardCharsets.UTF_8));
		String expected = HexFormat.of().formatHex(mac.doFinal(this.body));

		assertThat(NativeWebhook.sign("secret", "d-1", NOW, this.body)).isEqualTo("t=" + NOW + ",v1=" + expected);
		assertThatCode(() -> NativeWebhook.verify("secret", "d-1", NativeWebhook.sign("secret", "d-1", NOW, this.body),
				this.body, TOLERANCE, this.clock))
			.doesNotThrowAnyException();
	}

	@Test
	void aCapturedSignatureDoesNotVerifyUnderAnotherDeliveryIdOrTimestamp() {
		String captured = NativeWebhook.sign("secret", "original", NOW - 1000, this.body);
		String v1 = captured.substring(captured.indexOf("v1="));

		assertRejected(Reason.MISMATCH, "secret", "fresh-id", captured, this.body);
		assertRejected(Reason.MISMATCH, "secret", "original", "t=" + NOW + "," + v1, this.body);
		assertRejected(Reason.MISMATCH, "secret", "original.", "t=" + (NOW - 1000) + "," + v1, this.body);
		assertRejected(Reason.MISMATCH, "other", "original", captured, this.body);
		assertRejected(Reason.MISMATCH, "secret", "original", captured, "{\"type\":\"title\"}".getBytes());
	}

	@Test
	void theBodyOnlySchemeOfOldSignersIsRefused() throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((NOW + ".").getBytes(StandardCharsets.UTF_8));
		String bodyOnly = "t=" + NOW + ",v1=" + HexFormat.of().formatHex(mac.doFinal(this.body));

		assertRejected(Reason.MISMATCH, "secret", "d-1", bodyOnly, this.body);
	}

	@Test
	void timestampsOutsideTheToleranceEitherWayAreExpired() {
		for (long t : new long[] { NOW - 300_001, NOW + 300_001, 1 }) {
			assertRejected(Reason.EXPIRED, "secret", "d", NativeWebhook.sign("secret", "d", t, this.body), this.body);
		}
		for (long t : new long[] { NOW - 300_000, NOW + 300_000 }) {
			assertThatCode(() -> NativeWebhook.verify("secret", "d", NativeWebhook.sign("secret", "d", t, this.body),
					this.body, TOLERANCE, this.clock))
				.doesNotThrowAnyException();
		}
		for (long t : new long[] { Long.MIN_VALUE, -1, Long.MAX_VALUE }) {
			assertThat(NativeWebhook.fresh(t, TOLERANCE, this.clock)).as("t=%d", t).isFalse();
		}
	}

	@Test
	void aRotatedSecretsSignatureMayComeFirst() {
		String header = NativeWebhook.sign("secret", "d", NOW, this.body);
		String rotated = "t=" + NOW + ",v1=" + "00".repeat(32) + "," + header.substring(header.indexOf("v1="));

		assertThatCode(() -> NativeWebhook.verify("secret", "d", rotated, this.body, TOLERANCE, this.clock))
			.doesNotThrowAnyException();
	}

	@Test
	void missingOrMalformedHeadersAreRefusedWithTheirReason() {
		String good = NativeWebhook.sign("secret", "d", NOW, this.body);
		assertRejected(Reason.MISSING_DELIVERY_ID, "secret", null, good, this.body);
		assertRejected(Reason.MISSING_DELIVERY_ID, "secret", "", good, this.body);
		assertRejected(Reason.INVALID_DELIVERY_ID, "secret", "has space", good, this.body);
		assertRejected(Reason.INVALID_DELIVERY_ID, "secret", "x".repeat(201), good, this.body);
		assertRejected(Reason.INVALID_DELIVERY_ID, "secret", "tab\there", good, this.body);
		assertRejected(Reason.MISSING_SIGNATURE, "secret", "d", null, this.body);
		assertRejected(Reason.MISSING_SIGNATURE, "secret", "d", " ", this.body);
		assertRejected(Reason.MALFORMED, "secret", "d", "garbage", this.body);
		assertRejected(Reason.MALFORMED, "secret", "d", "t=" + NOW, this.body);
		assertRejected(Reason.MALFORMED, "secret", "d", "t=-5,v1=00", this.body);
		assertRejected(Reason.MALFORMED, "secret", "d", "t=1,t=2,v1=00", this.body);
		assertRejected(Reason.MALFORMED, "secret", "d", "t=yesterday,v1=00", this.body);
	}

	@Test
	void signersCannotSignADeliveryIdTheReceiverRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> NativeWebhook.sign("s", "", NOW, this.body));
		assertThatIllegalArgumentException().isThrownBy(() -> NativeWebhook.sign("s", "a b", NOW, this.body));
		assertThat(NativeWebhook.validDeliveryId("sample-" + java.util.UUID.randomUUID())).isTrue();
	}

	@Test
	void constantTimeEqualsComparesWholeValues() {
		assertThat(NativeWebhook.constantTimeEquals("abc", "abc")).isTrue();
		assertThat(NativeWebhook.constantTimeEquals("abc", "abd")).isFalse();
		assertThat(NativeWebhook.constantTimeEquals("abc", "ab")).isFalse();
	}

	private void assertRejected(Reason reason, String secret, String deliveryId, String signature, byte[] body) {
		assertThatExceptionOfType(Rejected.class)
			.isThrownBy(() -> NativeWebhook.verify(secret, deliveryId, signature, body, TOLERANCE, this.clock))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
