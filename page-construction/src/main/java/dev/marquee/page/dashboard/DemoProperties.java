package dev.marquee.page.dashboard;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard's demo edit ({@code marquee.demo.*}). Kept apart from
 * {@code PageConstructionProperties} so the dashboard stays self-contained; the binder
 * ignores keys a record does not know, so both bind the same {@code marquee} tree.
 *
 * @param ingestionUrl base URL of the ingestion service whose
 * {@code POST /webhooks/marquee} receives demo edits
 * @param webhookSecret the native webhook secret; when unset,
 * {@code MARQUEE_WEBHOOK_SECRET_MARQUEE} or else the local default
 * {@value DemoEdits#LOCAL_WEBHOOK_SECRET}, the same value ingestion falls back to
 * @param timeout how long the whole webhook call may take (ingestion answers once both
 * paths accepted the write)
 */
@ConfigurationProperties("marquee.demo")
record DemoProperties(@DefaultValue("http://127.0.0.1:8081") URI ingestionUrl, @Nullable String webhookSecret,
		@DefaultValue("15s") Duration timeout) {
}
