package dev.marquee.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP Basic users every service knows ({@code marquee.security.*}, from
 * {@code MARQUEE_ADMIN_PASSWORD}, {@code MARQUEE_EDITOR_PASSWORD} and
 * {@code MARQUEE_SERVICE_PASSWORD} in each service's {@code application.yml}).
 *
 * @param adminPassword password of {@code admin} (roles ADMIN and EDITOR)
 * @param editorPassword password of {@code editor} (role EDITOR: previews, demo edits)
 * @param servicePassword password of {@code marquee-service} (role SERVICE: one service
 * calling another)
 */
@ConfigurationProperties("marquee.security")
public record MarqueeSecurityProperties(@DefaultValue(LOCAL_ADMIN_PASSWORD) String adminPassword,
		@DefaultValue(LOCAL_EDITOR_PASSWORD) String editorPassword,
		@DefaultValue(LOCAL_SERVICE_PASSWORD) String servicePassword) {

	/** The admin's local default password. */
	public static final String LOCAL_ADMIN_PASSWORD = "marquee-admin-local";

	/** The editor's local default password. */
	public static final String LOCAL_EDITOR_PASSWORD = "marquee-editor-local";

	/** The service user's local default password. */
	public static final String LOCAL_SERVICE_PASSWORD = "marquee-service-local";

}
