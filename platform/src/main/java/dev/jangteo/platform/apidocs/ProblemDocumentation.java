package dev.jangteo.platform.apidocs;

import dev.jangteo.platform.web.ProblemCatalog;
import dev.jangteo.platform.web.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts the problems an operation may answer into the OpenAPI document: one response per status, as
 * {@code application/problem+json} of the {@code Problem} schema, with one example per code. Codes come from the
 * {@link ProblemCatalog}, so a code the app does not describe fails the document instead of documenting nothing.
 */
public class ProblemDocumentation {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ProblemCatalog catalog;

    ProblemDocumentation(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    public void add(Operation operation, Collection<String> codes) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (String code : codes) {
            ProblemType type = catalog.find(code).orElseThrow(() -> new IllegalStateException(
                    "Problem code " + code + " of operation " + operation.getOperationId()
                            + " is not described by any ProblemTypes bean"));
            ApiResponse response = responses.computeIfAbsent(String.valueOf(type.status().value()),
                                                             status -> new ApiResponse());
            Content content = response.getContent() == null ? new Content() : response.getContent();
            MediaType problems = content.computeIfAbsent(PROBLEM_JSON, json -> new MediaType().schema(
                    new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
            problems.addExamples(code, new Example().summary(type.title()).value(example(type)));
            response.setContent(content);
            response.setDescription(problems.getExamples().keySet().stream()
                                            .map(each -> "`" + each + "`")
                                            .collect(Collectors.joining(", ", "A problem: ", "")));
        }
        operation.setResponses(responses);
    }

    private static Map<String, Object> example(ProblemType type) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", type.status().getReasonPhrase());
        problem.put("status", type.status().value());
        problem.put("detail", type.title());
        problem.put("code", type.code());
        return problem;
    }
}
