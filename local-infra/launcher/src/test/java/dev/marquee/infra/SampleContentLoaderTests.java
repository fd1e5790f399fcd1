package dev.marquee.infra;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleContentLoaderTests {

	@Test
	void aFileIsOneDeliveryUnlessItIsAnArray() {
		assertThat(SampleContentLoader.deliveries(" {\"a\":1} ")).containsExactly("{\"a\":1}");
	}

	@Test
	void arrayElementsAreSplitOutsideStringsOnly() {
		String file = "[{\"a\":\"x}]{\",\"b\":[1,2]}, {\"c\":{\"d\":\"\\\"}\"}}]";

		assertThat(SampleContentLoader.deliveries(file)).containsExactly("{\"a\":\"x}]{\",\"b\":[1,2]}",
				"{\"c\":{\"d\":\"\\\"}\"}}");
	}

	@Test
	void signatureIsHexHmacOfTimestampDotBody() {
		SampleContentLoader loader = new SampleContentLoader(URI.create("http://127.0.0.1:1/"), "key");

		// HMAC-SHA256("key", "1.{}") computed independently with openssl.
		assertThat(loader.sign(1L, "{}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
	}

}
