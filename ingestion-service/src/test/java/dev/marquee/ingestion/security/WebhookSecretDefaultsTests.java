package dev.marquee.ingestion.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.support.localdefaults.LocalDefault;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretDefaultsTests {

	@Test
	void namesEveryWebhookSecretStillAtItsLocalDefault() {
		IngestionProperties.Webhooks webhooks = new IngestionProperties.Webhooks(DataSize.ofMegabytes(1),
				Duration.ofMinutes(5), Duration.ofSeconds(30), IngestionProperties.LOCAL_MARQUEE_SECRET, "c-from-env",
				"s-from-env", IngestionProperties.LOCAL_STRAPI_TOKEN);

		assertThat(SecurityConfiguration.webhookSecrets(webhooks)).extracting(LocalDefault::variable)
			.containsExactly("MARQUEE_WEBHOOK_SECRET_MARQUEE", "MARQUEE_WEBHOOK_TOKEN_STRAPI");
	}

	@Test
	void namesNothingWhenEverySecretComesFromTheEnvironment() {
		IngestionProperties.Webhooks webhooks = new IngestionProperties.Webhooks(DataSize.ofMegabytes(1),
				Duration.ofMinutes(5), Duration.ofSeconds(30), "m", "c", "s", "t");

		assertThat(SecurityConfiguration.webhookSecrets(webhooks)).isEmpty();
	}

}
