package dev.marquee.bench.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the platform's services listen and the credentials the benchmark uses (the local
 * defaults of CONVENTIONS.md unless overridden on the command line or by the same
 * environment variables the services read).
 *
 * @param ingestion ingestion-service base URL
 * @param consumer data-consumer base URL
 * @param hollow hollow-producer base URL
 * @param pages page-construction base URL
 * @param webhookSecret the native webhook secret
 * @param adminPassword password of {@code admin} (metrics)
 * @param editorPassword password of {@code editor} (previews)
 * @param servicePassword password of {@code marquee-service} (Hollow blobs)
 */
public record Endpoints(URI ingestion, URI consumer, URI hollow, URI pages, String webhookSecret, String adminPassword,
		String editorPassword, String servicePassword) {

	/**
	 * A Basic authorization header value.
	 * @param user the user
	 * @param password the password
	 * @return {@code Basic ...}
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public String adminAuthorization() {
		return basic("admin", this.adminPassword);
	}

	public String editorAuthorization() {
		return basic("editor", this.editorPassword);
	}

	/**
	 * A path on a service.
	 * @param base the service
	 * @param path e.g. {@code /actuator/prometheus}
	 * @return the URI
	 */
	public static URI resolve(URI base, String path) {
		String root = base.toString().replaceAll("/+$", "");
		return URI.create(root + path);
	}

}
