package dev.jangteo.platform.apidocs;

import dev.jangteo.platform.security.Role;
import dev.jangteo.platform.web.ErrorCodes;
import dev.jangteo.platform.web.ProblemCatalog;
import dev.jangteo.platform.web.ProblemCodes;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parts of the OpenAPI document ({@code /v3/api-docs}) both apps share: title, version and description from
 * {@link ApiDocsProperties}; the bearer token every endpoint but the public ones needs; a tag per context; and the
 * problems each endpoint may answer, from {@link ProblemCodes} and from what every endpoint may answer. Springdoc's
 * own guess at error answers (from the exception handlers) is off ({@code springdoc.override-with-generic-response}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsConfiguration {

    static final String BEARER = "bearer";

    @Bean
    ProblemDocumentation problemDocumentation(ProblemCatalog catalog) {
        return new ProblemDocumentation(catalog);
    }

    @Bean
    OpenApiCustomizer jangteoDocument(ApiDocsProperties properties) {
        return openApi -> {
            openApi.info(new Info().title(properties.title())
                                   .version(properties.version())
                                   .description(properties.description()));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(BEARER, bearerToken());
            components.addSchemas(ProblemDocumentation.PROBLEM_SCHEMA, problemSchema());
            openApi.components(components);
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            openApi.setTags(tags(openApi, properties));
            uniqueOperationIds(openApi);
        };
    }

    /**
     * An operation's id is its method's name, or, where several share one, its context and name ({@code couponIssue},
     * {@code securityIssue}): the same for the same endpoints in every build, where springdoc would number the clashes
     * in the order it happens to meet them.
     */
    private static void uniqueOperationIds(OpenAPI openApi) {
        Map<String, List<Operation>> byId = openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .collect(Collectors.groupingBy(Operation::getOperationId));
        byId.values().stream().filter(clashing -> clashing.size() > 1).flatMap(List::stream).forEach(
                operation -> operation.setOperationId(operation.getTags().getFirst()
                                                              + StringUtils.capitalize(operation.getOperationId())));
    }

    /** Tag, operation id (see {@link #uniqueOperationIds}), security and problems of each operation. */
    @Bean
    OperationCustomizer contextsAndProblems(ProblemDocumentation problems) {
        return (operation, handler) -> {
            operation.setTags(List.of(contextOf(handler)));
            operation.setOperationId(handler.getMethod().getName());
            boolean open = isOpen(handler.getMethod()) || isOpen(handler.getBeanType());
            List<String> codes = new ArrayList<>(List.of(ErrorCodes.VALIDATION_FAILED));
            if (operation.getRequestBody() != null) {
                codes.addAll(List.of(ErrorCodes.MALFORMED_REQUEST, ErrorCodes.UNKNOWN_FIELD,
                                     ErrorCodes.PAYLOAD_TOO_LARGE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE));
            }
            if (open) {
                operation.setSecurity(new ArrayList<>());
            } else {
                // The public endpoints read no store either, so only these may find one down.
                codes.addAll(List.of(ErrorCodes.UNAUTHENTICATED, ErrorCodes.FORBIDDEN, ErrorCodes.SERVICE_UNAVAILABLE));
            }
            codes.addAll(declared(handler.getBeanType()));
            codes.addAll(declared(handler.getMethod()));
            problems.add(operation, codes);
            return operation;
        };
    }

    /**
     * The controller's {@code @Tag}, or else the last name of its package: its context in
     * {@code dev.jangteo.<app>.<context>}, or its feature in {@code dev.jangteo.query.operations.<feature>}.
     */
    static String contextOf(HandlerMethod handler) {
        io.swagger.v3.oas.annotations.tags.Tag tag = AnnotatedElementUtils.findMergedAnnotation(
                handler.getBeanType(), io.swagger.v3.oas.annotations.tags.Tag.class);
        if (tag != null) {
            return tag.name();
        }
        String packageName = handler.getBeanType().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    /** An endpoint that needs no token says so with an empty {@code @SecurityRequirements}. */
    private static boolean isOpen(AnnotatedElement element) {
        SecurityRequirements requirements = AnnotatedElementUtils.findMergedAnnotation(element,
                                                                                       SecurityRequirements.class);
        return requirements != null && requirements.value().length == 0;
    }

    private static List<String> declared(AnnotatedElement element) {
        ProblemCodes codes = AnnotatedElementUtils.findMergedAnnotation(element, ProblemCodes.class);
        return codes == null ? List.of() : Arrays.asList(codes.value());
    }

    private static List<Tag> tags(OpenAPI openApi, ApiDocsProperties properties) {
        Map<String, Tag> byName = new TreeMap<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> byName.put(tag.getName(), tag));
        }
        properties.tags().forEach((name, description) -> byName.put(name, new Tag().name(name)
                                                                                  .description(description)));
        return byName.values().stream().sorted(Comparator.comparing(Tag::getName)).toList();
    }

    private static SecurityScheme bearerToken() {
        String roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An RS256-signed JWT. `sub` is the acting user (at most 64 characters); `roles` lists "
                                     + "roles among " + roles + ": CLIENT reads its own data and sends its own "
                                     + "commands, ANALYST reads rankings, sales and coupon and room figures (no "
                                     + "message text), AUDITOR reads the audit API, ADMIN manages the catalog, coupon "
                                     + "definitions, processors, replays and dead letters; `exp` is required. A "
                                     + "request without a valid token is 401 UNAUTHENTICATED, one whose roles or user "
                                     + "do not allow it 403 FORBIDDEN. Under the local profile, `./dev token alice` "
                                     + "prints a CLIENT token for alice, `./dev token operator-kim ADMIN` an ADMIN's.");
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: every error answer, as application/problem+json. Decide on "
                                     + "`code`; `type` leads to what the code means.")
                .addProperty("type", new StringSchema().format("uri-reference").description(
                        "Where the code is described, on the app that answered: /problems/{code}, resolved against "
                                + "the request's URI"))
                .addProperty("title", new StringSchema().description("The reason phrase of the status"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What was refused this time, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty("code", new StringSchema().pattern("^[A-Z][A-Z0-9_]*$").description(
                        "The stable upper-case code: GET /problems lists every code of this app"))
                .required(List.of("type", "title", "status", "code"));
    }
}
