package dev.marquee.page;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and browsable at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Marquee page construction",
		description = "Rendered pages from the active read path (HOLLOW or KAFKA_CASSANDRA), previews with "
				+ "read-after-write, the read-path toggle and propagation metrics. Local default users: "
				+ "editor / marquee-editor-local, admin / marquee-admin-local.",
		version = "v1"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {

}
