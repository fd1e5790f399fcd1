package dev.marquee.consumer;

import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import dev.marquee.support.openapi.ApiDocs;

/**
 * The OpenAPI description at {@code /v3/api-docs}: the admin API, its Basic scheme and
 * the problems it answers with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/**
	 * The admin operations that talk to Kafka (the others read or write Cassandra only).
	 */
	private static final Set<String> KAFKA_PATHS = Set.of("/admin/rebuild", "/admin/dlt/redrive");

	@Bean
	OpenAPI dataConsumerOpenApi() {
		return ApiDocs.describe("Marquee data consumer",
				"Projects the page-change topic into the Cassandra read tables of the KAFKA_CASSANDRA read path. "
						+ "Its HTTP API is for operators (role ADMIN; local default admin / marquee-admin-local): "
						+ "rebuild the read tables from the topic, re-drive dead letters, inspect applied watermarks.");
	}

	@Bean
	OpenApiCustomizer dataConsumerApiDocs() {
		return (api) -> {
			ApiDocs.operations(api).filter((operation) -> operation.getKey().startsWith("/admin/")).forEach((entry) -> {
				ApiDocs.requiresRole(entry.getValue(), "ADMIN");
				ApiDocs.problem(entry.getValue(), HttpStatus.SERVICE_UNAVAILABLE,
						"Cassandra is down or failed the request", "cassandra-unavailable", "cassandra-error");
				if (KAFKA_PATHS.contains(entry.getKey())) {
					ApiDocs.problem(entry.getValue(), HttpStatus.SERVICE_UNAVAILABLE, "Kafka is unavailable",
							"kafka-unavailable");
				}
			});
			if (api.getPaths() != null && api.getPaths().get("/admin/rebuild") != null) {
				Operation rebuild = api.getPaths().get("/admin/rebuild").getPost();
				ApiDocs.succeedsWith(rebuild, HttpStatus.ACCEPTED,
						"Started in the background; its progress at the Location, /admin/rebuild/status");
				ApiDocs.problem(rebuild, HttpStatus.CONFLICT, "A rebuild is running already", "rebuild-running");
			}
			ApiDocs.internalErrors(api);
		};
	}

}
