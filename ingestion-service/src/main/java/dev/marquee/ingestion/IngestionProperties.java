package dev.marquee.ingestion;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the ingestion service can be configured with ({@code marquee.*}).
 *
 * @param security the HTTP Basic users' passwords
 * @param webhooks webhook secrets and limits
 * @param writePaths where rendered pages are published
 * @param cdn how asset ids become image URLs
 */
@ConfigurationProperties("marquee")
public record IngestionProperties(@DefaultValue Security security, @DefaultValue Webhooks webhooks,
		@DefaultValue WritePaths writePaths, @DefaultValue Cdn cdn) {

	/** The local default of the admin password, refused by the {@code prod} profile. */
	public static final String LOCAL_ADMIN_PASSWORD = "marquee-admin-local";

	/** The local default of the editor password. */
	public static final String LOCAL_EDITOR_PASSWORD = "marquee-editor-local";

	/** The local default of the service password. */
	public static final String LOCAL_SERVICE_PASSWORD = "marquee-service-local";

	/** The local default of the native webhook secret. */
	public static final String LOCAL_MARQUEE_SECRET = "local-marquee-webhook-secret";

	/** The local default of the Contentful signing secret. */
	public static final String LOCAL_CONTENTFUL_SECRET = "local-contentful-webhook-secret";

	/** The local default of the Sanity webhook secret. */
	public static final String LOCAL_SANITY_SECRET = "local-sanity-webhook-secret";

	/** The local default of the Strapi bearer token. */
	public static final String LOCAL_STRAPI_TOKEN = "local-strapi-webhook-token";

	/**
	 * HTTP Basic users (see CONVENTIONS.md).
	 *
	 * @param adminPassword password of {@code admin} (roles ADMIN, EDITOR)
	 * @param editorPassword password of {@code editor} (role EDITOR)
	 * @param servicePassword password of {@code marquee-service} (role SERVICE), also
	 * used to call the hollow producer
	 */
	public record Security(@DefaultValue(LOCAL_ADMIN_PASSWORD) String adminPassword,
			@DefaultValue(LOCAL_EDITOR_PASSWORD) String editorPassword,
			@DefaultValue(LOCAL_SERVICE_PASSWORD) String servicePassword) {
	}

	/**
	 * Webhook verification and limits.
	 *
	 * @param maxBodySize larger bodies are refused with 413 before they are read in full
	 * @param signatureTolerance how far a signed timestamp may be from now (native and
	 * Sanity)
	 * @param contentfulTimeToLive how old a Contentful signed request may be
	 * (Contentful's toolkit: 30 s)
	 * @param secretMarquee HMAC secret of the native format
	 * @param secretContentful Contentful's request-verification signing secret
	 * @param secretSanity Sanity's webhook secret
	 * @param tokenStrapi the bearer token Strapi sends in its webhook's
	 * {@code Authorization} header
	 */
	public record Webhooks(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("5m") Duration signatureTolerance,
			@DefaultValue("30s") Duration contentfulTimeToLive,
			@DefaultValue(LOCAL_MARQUEE_SECRET) String secretMarquee,
			@DefaultValue(LOCAL_CONTENTFUL_SECRET) String secretContentful,
			@DefaultValue(LOCAL_SANITY_SECRET) String secretSanity,
			@DefaultValue(LOCAL_STRAPI_TOKEN) String tokenStrapi) {
	}

	/**
	 * The write paths every change is published to. {@code marquee.write-paths=KAFKA} (a
	 * plain list) is accepted as a shorthand for {@code marquee.write-paths.enabled}.
	 *
	 * @param enabled the paths to publish to; a write is accepted only once every one of
	 * them has it
	 * @param kafka the Kafka path
	 * @param hollow the hollow-producer path
	 */
	public record WritePaths(@DefaultValue( {
			"KAFKA", "HOLLOW" }) Set<WritePath> enabled, @DefaultValue Kafka kafka, @DefaultValue Hollow hollow){

		public boolean isEnabled(WritePath path) {
			return this.enabled.contains(path);
		}

	}

	/** The write paths. */
	public enum WritePath {

		/** The Kafka topic read by the data consumer. */
		KAFKA,

		/** The hollow producer's write API. */
		HOLLOW

	}

	/**
	 * The Kafka write path.
	 *
	 * @param sendTimeout how long to wait for the broker's acknowledgement of a batch
	 */
	public record Kafka(@DefaultValue("10s") Duration sendTimeout) {
	}

	/**
	 * The hollow producer's write API.
	 *
	 * @param url its base URL
	 * @param connectTimeout connection timeout
	 * @param readTimeout how long to wait for the write log to acknowledge a write (it
	 * forces the log to disk; no Hollow cycle is waited for), after which the webhook is
	 * answered 503 and the CMS retries
	 */
	public record Hollow(@DefaultValue("http://127.0.0.1:8083") URI url, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("15s") Duration readTimeout) {
	}

	/**
	 * How assets become CDN URLs.
	 *
	 * @param baseUrl prefix of every image URL
	 * @param renditionWidths the responsive widths offered (only those not wider than the
	 * original)
	 */
	public record Cdn(@DefaultValue("https://cdn.marquee.local/images") String baseUrl, @DefaultValue( {
			"320", "640", "1280", "1920" }) List<Integer> renditionWidths){
	}

}
