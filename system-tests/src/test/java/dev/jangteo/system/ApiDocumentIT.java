package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;
import dev.jangteo.testkit.Problems;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of each app ({@code /v3/api-docs}, open to anyone) against what the app serves: every endpoint
 * of its request mappings (the actuator's {@code mappings}, ADMIN only) is in the document with its method and answer
 * types, and the document holds nothing else; every operation has a described tag and problem answers of the
 * {@code Problem} schema, and needs a token exactly where the app asks for one; every problem type the app describes
 * resolves where its URI says. The command side runs with Swagger UI on, as under the local profile; the query side
 * without.
 */
class ApiDocumentIT {

    private static final String SPRINGDOC_UI = "--springdoc.swagger-ui.enabled=true";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final StackExtension stack = new StackExtension("apidocs", 1, SPRINGDOC_UI);

    /** Per app: its base and an endpoint it must serve, so an empty reading of the mappings cannot pass. */
    private static Map<String, App> apps() {
        return Map.of("command side", new App(stack.command(), "POST /api/coupons/{couponId}/issues"),
                      "query side", new App(stack.query(), "GET /api/audit/events"));
    }

    private record App(URI base, String knownEndpoint) {
    }

    @TestFactory
    Stream<DynamicTest> documentsEveryEndpointTheAppServesAndNothingElse() {
        return perApp(app -> () -> {
            Map<String, Set<String>> served = servedEndpoints(app.base());
            Map<String, JsonNode> documented = operations(document(app.base()));
            assertThat(served).containsKey(app.knownEndpoint());
            assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(served.keySet());
            served.forEach((endpoint, answerTypes) -> assertThat(successContentTypes(documented.get(endpoint)))
                    .as("answer types of %s", endpoint).containsAll(answerTypes));
        });
    }

    @TestFactory
    Stream<DynamicTest> describesTheAppItsTokenAndEachOperation() {
        return perApp(app -> () -> {
            JsonNode document = document(app.base());
            assertThat(document.path("openapi").asText()).startsWith("3.");
            JsonNode info = document.path("info");
            assertThat(info.path("title").asText()).startsWith("Jangteo");
            assertThat(info.path("description").asText()).contains("problem+json");
            assertThat(info.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");

            JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
            assertThat(bearer.path("type").asText()).isEqualTo("http");
            assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
            assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
            assertThat(bearer.path("description").asText()).contains("RS256", "CLIENT", "ANALYST", "AUDITOR", "ADMIN");
            assertThat(document.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");

            Map<String, String> tags = new TreeMap<>();
            document.path("tags").forEach(tag -> tags.put(tag.path("name").asText(), tag.path("description").asText()));
            Set<String> operationIds = new HashSet<>();
            operations(document).forEach((endpoint, operation) -> {
                assertThat(operation.path("tags")).as(endpoint).hasSize(1);
                assertThat(tags.get(operation.path("tags").get(0).asText())).as("tag of %s", endpoint).isNotBlank();
                assertThat(operationIds.add(operation.path("operationId").asText())).as(endpoint).isTrue();
                assertProblemAnswers(endpoint, operation, isOpen(operation));
            });
        });
    }

    /**
     * What the document says about tokens holds: without one, an operation that names no security answers 401
     * {@code UNAUTHENTICATED}, and an open one (security {@code []}) does not. Nothing is changed: the secured ones refuse
     * before anything runs, and the open ones only read.
     */
    @TestFactory
    Stream<DynamicTest> asksForATokenExactlyWhereTheDocumentSays() {
        return perApp(app -> () -> {
            int open = 0;
            for (Map.Entry<String, JsonNode> entry : operations(document(app.base())).entrySet()) {
                String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
                // Every path variable is FORBIDDEN: a problem code, so /problems/{code} has an answer, and an id
                // anywhere else.
                URI uri = app.base().resolve(entry.getKey().substring(method.length() + 1)
                                                  .replaceAll("\\{[^}]+}", "FORBIDDEN"));
                boolean body = method.equals("POST") || method.equals("PUT");
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .method(method, body ? HttpRequest.BodyPublishers.ofString("{}")
                                             : HttpRequest.BodyPublishers.noBody());
                Answer answer = Http.send(request, null);
                if (isOpen(entry.getValue())) {
                    open++;
                    assertThat(answer.status()).as("%s: %s", entry.getKey(), answer.body()).isEqualTo(200);
                } else {
                    ProblemPages.assertProblem(answer, 401, "UNAUTHENTICATED");
                }
            }
            assertThat(open).as("the problem types are open").isGreaterThanOrEqualTo(2);
        });
    }

    @TestFactory
    Stream<DynamicTest> resolvesEveryProblemTypeItDescribes() {
        return perApp(app -> () -> {
            Answer catalog = Http.get(app.base().resolve("/problems"), null);
            assertThat(catalog.status()).isEqualTo(200);
            Set<String> codes = new TreeSet<>();
            catalog.body().path("problems").forEach(type -> {
                String code = type.path("code").asText();
                codes.add(code);
                assertThat(type.path("type").asText()).isEqualTo(Problems.typeOf(code));
                Answer page = Http.get(app.base().resolve(type.path("type").asText()), null);
                assertThat(page.status()).as(code).isEqualTo(200);
                assertThat(page.body()).as(code).isEqualTo(type);
                assertThat(page.body().path("description").asText()).as(code).isNotBlank();
                assertThat(page.body().path("status").asInt()).as(code).isBetween(400, 599);
            });
            assertThat(codes).contains("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND");
            operations(document(app.base())).forEach((endpoint, operation) -> operation.path("responses").forEach(
                    response -> response.path("content").path("application/problem+json").path("examples")
                                        .fieldNames().forEachRemaining(code -> assertThat(codes).as(endpoint)
                                                                                              .contains(code))));
            ProblemPages.assertProblem(Http.get(app.base().resolve("/problems/NO_SUCH_CODE"), null), 404, "NOT_FOUND");
            ProblemPages.assertProblem(Http.get(app.base().resolve("/api/anything"), null), 401, "UNAUTHENTICATED");
        });
    }

    @Test
    void servesSwaggerUiWithItsOwnContentSecurityPolicyOnlyWhereEnabled() throws Exception {
        HttpResponse<String> page = raw(stack.command().resolve("/swagger-ui/index.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "connect-src 'self'; frame-ancestors 'none'");
        assertThat(raw(stack.command().resolve("/swagger-ui/swagger-ui-bundle.js")).statusCode()).isEqualTo(200);
        HttpResponse<String> config = raw(stack.command().resolve("/v3/api-docs/swagger-config"));
        assertThat(JsonHttp.JSON.readTree(config.body()).path("url").asText()).isEqualTo("/v3/api-docs");

        for (URI app : List.of(stack.command(), stack.query())) {
            HttpResponse<String> document = raw(app.resolve("/v3/api-docs"));
            assertThat(document.statusCode()).isEqualTo(200);
            assertThat(document.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(raw(app.resolve("/v3/api-docs.yaml")).body()).startsWith("openapi: 3.");
        }
        ProblemPages.assertProblem(Http.get(stack.query().resolve("/swagger-ui/index.html"), null), 401,
                                   "UNAUTHENTICATED");
    }

    // ------------------------------------------------------------------ reading mappings and the document

    private static Stream<DynamicTest> perApp(Function<App, org.junit.jupiter.api.function.Executable> test) {
        return apps().entrySet().stream()
                     .map(app -> DynamicTest.dynamicTest(app.getKey(), test.apply(app.getValue())));
    }

    private static JsonNode document(URI app) {
        Answer document = Http.get(app.resolve("/v3/api-docs"), null);
        assertThat(document.status()).as("%s", document.body()).isEqualTo(200);
        return document.body();
    }

    /** "METHOD /path" → operation, for every operation of the document. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    /**
     * "METHOD /path" → the media types it declares it produces, for each handler method of ours (package
     * {@code dev.jangteo}) the app maps, as the actuator lists them. Left out: {@code /error}, where the servlet
     * container forwards failures, which no client calls, and the console's entry page and settings under
     * {@code /console} (docs/console.md), which belong to the console's pages, not to the API.
     */
    private static Map<String, Set<String>> servedEndpoints(URI app) {
        Answer mappings = Http.get(app.resolve("/actuator/mappings"), Tokens.admin());
        assertThat(mappings.status()).isEqualTo(200);
        Map<String, Set<String>> served = new TreeMap<>();
        mappings.body().path("contexts").forEach(context -> context.path("mappings").path("dispatcherServlets")
                .forEach(servlet -> servlet.forEach(mapping -> {
                    JsonNode details = mapping.path("details");
                    JsonNode conditions = details.path("requestMappingConditions");
                    if (!details.path("handlerMethod").path("className").asText().startsWith("dev.jangteo.")) {
                        return;
                    }
                    List<String> produces = new ArrayList<>();
                    conditions.path("produces").forEach(type -> produces.add(type.path("mediaType").asText()));
                    conditions.path("patterns").forEach(pattern -> conditions.path("methods").forEach(method -> {
                        if (!pattern.asText().equals("/error") && !pattern.asText().startsWith("/console")) {
                            served.computeIfAbsent(method.asText() + " " + pattern.asText(), key -> new TreeSet<>())
                                  .addAll(produces);
                        }
                    }));
                })));
        return served;
    }

    private static Set<String> successContentTypes(JsonNode operation) {
        Set<String> types = new TreeSet<>();
        operation.path("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").fieldNames().forEachRemaining(types::add);
            }
        });
        return types;
    }

    /** Security {@code []}: no token needed; otherwise the document's global bearer requirement holds. */
    private static boolean isOpen(JsonNode operation) {
        return operation.has("security") && operation.path("security").isEmpty();
    }

    /**
     * Every error answer is problem+json of the Problem schema, with an example per code that names the code's page as
     * its type; a secured operation lists 401 and 403, an open one neither.
     */
    private static void assertProblemAnswers(String endpoint, JsonNode operation, boolean open) {
        Set<String> codes = new TreeSet<>();
        operation.path("responses").properties().forEach(response -> {
            int status = Integer.parseInt(response.getKey());
            if (status < 400) {
                return;
            }
            JsonNode content = response.getValue().path("content");
            assertThat(content.properties()).as("%s %s", endpoint, status).hasSize(1);
            JsonNode problem = content.path("application/problem+json");
            assertThat(problem.path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
            assertThat(problem.path("examples").isEmpty()).as("%s %s", endpoint, status).isFalse();
            problem.path("examples").properties().forEach(example -> {
                JsonNode value = example.getValue().path("value");
                assertThat(value.path("code").asText()).isEqualTo(example.getKey());
                assertThat(value.path("type").asText()).isEqualTo(Problems.typeOf(example.getKey()));
                assertThat(value.path("status").asInt()).as("%s %s", endpoint, example.getKey()).isEqualTo(status);
                codes.add(example.getKey());
            });
        });
        assertThat(codes).as(endpoint).contains("VALIDATION_FAILED");
        if (open) {
            assertThat(codes).as(endpoint).doesNotContain("UNAUTHENTICATED", "FORBIDDEN");
        } else {
            assertThat(codes).as(endpoint).contains("UNAUTHENTICATED", "FORBIDDEN");
        }
    }

    private static HttpResponse<String> raw(URI uri) throws Exception {
        return RAW.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
