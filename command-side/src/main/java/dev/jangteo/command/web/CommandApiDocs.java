package dev.jangteo.command.web;

import dev.jangteo.command.web.idempotency.IdempotencyFilter;
import dev.jangteo.platform.apidocs.ProblemDocumentation;
import dev.jangteo.platform.web.ErrorCodes;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * What the command API's filters on {@code /api/*} add to its endpoints in the OpenAPI document, by path and method as
 * the filters decide: the rate limits (429), the Accept check before a command runs (406) and, on every POST, the
 * {@code Idempotency-Key} header with its refusals.
 */
@Configuration(proxyBeanMethods = false)
class CommandApiDocs {

    @Bean
    OpenApiCustomizer commandFilters(ProblemDocumentation problems) {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> filtered(problems, method, operation));
            }
        });
    }

    private static void filtered(ProblemDocumentation problems, PathItem.HttpMethod method, Operation operation) {
        List<String> codes = new ArrayList<>(List.of(ErrorCodes.RATE_LIMITED));
        if (method != PathItem.HttpMethod.GET) {
            codes.add(ErrorCodes.NOT_ACCEPTABLE);
        }
        if (method == PathItem.HttpMethod.POST) {
            codes.addAll(List.of(IdempotencyFilter.KEY_INVALID, IdempotencyFilter.KEY_IN_FLIGHT,
                                 IdempotencyFilter.KEY_REUSED));
            boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> IdempotencyFilter.KEY_HEADER.equals(parameter.getName()));
            if (!documented) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.KEY_HEADER)
                        .required(false)
                        .schema(new StringSchema().minLength(1).maxLength(255))
                        .description("Makes the request safe to retry: a retry with the same key and request gets the "
                                             + "first answer again (Idempotency-Replayed: true) and changes nothing, "
                                             + "even for ids the server chose. 1 to 255 printable ASCII characters; "
                                             + "keys belong to the token's user and are kept 24 hours."));
            }
        }
        problems.add(operation, codes);
    }
}
