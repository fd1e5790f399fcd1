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
	void signatureIsHexHmacOfDeliveryIdDotTimestampDotBody() {
		SampleContentLoader loader = new SampleContentLoader(URI.create("http://127.0.0.1:1/"), "key");

		// HMAC-SHA256("key", "sample-x.1.{}") computed independently with openssl.
		assertThat(loader.sign("sample-x", 1L, "{}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("t=1,v1=b4dd812b1b280803c94d984b5408e39f3c8e635cb86138631b1d95c54443215c");
	}

}
