package dev.marquee.sample;

import java.nio.charset.StandardCharsets;

/**
 * One native webhook delivery.
 *
 * @param deliveryId the {@code Marquee-Delivery-Id} (de-duplication key): the same
 * delivery posted twice is processed once, so a preload can be repeated cheaply
 * @param body the JSON body
 */
public record Delivery(String deliveryId, byte[] body) {

	/**
	 * @return the body as text
	 */
	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
