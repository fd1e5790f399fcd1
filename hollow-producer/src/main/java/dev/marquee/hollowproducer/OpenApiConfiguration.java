package dev.marquee.hollowproducer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.support.openapi.ApiDocs;

/**
 * The OpenAPI description at {@code /v3/api-docs}: the write, log, blob and announcement
 * API (role SERVICE), its Basic scheme and the problems each operation answers with
 * ({@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI hollowProducerOpenApi() {
		return ApiDocs.describe("Marquee hollow producer",
				"The HOLLOW write path: page changes are answered once durable in the write log, folded into Hollow "
						+ "states by background cycles, and served as snapshots and deltas with announced versions. "
						+ "Every endpoint needs role SERVICE (user marquee-service, local default password "
						+ "marquee-service-local): blobs contain drafts.");
	}

	@Bean
	OpenApiCustomizer hollowProducerApiDocs() {
		return (api) -> {
			ApiDocs.operations(api).filter((entry) -> entry.getKey().startsWith("/v1/")).forEach((entry) -> {
				Operation operation = entry.getValue();
				ApiDocs.requiresRole(operation, "SERVICE");
				String path = entry.getKey();
				if (path.equals("/v1/writes")) {
					ApiDocs.problem(operation, HttpStatus.BAD_REQUEST, "Not a valid write", "invalid-hollow-write",
							"unreadable-request");
					ApiDocs.problem(operation, HttpStatus.SERVICE_UNAVAILABLE,
							"The write could not be made durable (queue full, disk failure, not the producer)",
							"hollow-write-unavailable");
					return;
				}
				ApiDocs.problem(operation, HttpStatus.BAD_REQUEST, "A missing or malformed parameter",
						"invalid-parameter");
				if (path.equals(WriteLog.PATH)) {
					ApiDocs.problem(operation, HttpStatus.BAD_REQUEST, "'after' is beyond the head of the log",
							"unknown-log-offset");
					ApiDocs.problem(operation, HttpStatus.GONE,
							"The entries after 'after' were truncated: load the state named in the problem first",
							WriteLog.TRUNCATED_PROBLEM_TYPE.substring(ApiDocs.PROBLEM_TYPES.length()));
				}
				if (path.startsWith("/v1/blobs/")) {
					ApiDocs.problem(operation, HttpStatus.NOT_FOUND, "No blob matches", "hollow-blob-not-found");
					// the controller answers a file Resource, which springdoc cannot tell
					// from JSON
					operation.getResponses()
						.get("200")
						.description("The blob; its versions in " + HttpBlobRetriever.VERSION_FROM_HEADER + " and "
								+ HttpBlobRetriever.VERSION_TO_HEADER)
						.content(new Content().addMediaType("application/octet-stream", new MediaType().schema(
								new JsonSchema().typesItem("string").contentMediaType("application/octet-stream"))));
				}
			});
			ApiDocs.internalErrors(api);
		};
	}

}
