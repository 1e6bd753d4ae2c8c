package dev.jangteo.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void acceptsARefusalOfTheRightShape() {
        Problems.assertProblem(answer(404, PROBLEM_JSON, "ORDER_NOT_FOUND", "/problems/ORDER_NOT_FOUND"),
                               404, "ORDER_NOT_FOUND");
    }

    @Test
    void acceptsAProblemContentTypeWithParameters() {
        Problems.assertProblem(answer(404, PROBLEM_JSON + ";charset=UTF-8", "ORDER_NOT_FOUND",
                                      "/problems/ORDER_NOT_FOUND"), 404, "ORDER_NOT_FOUND");
    }

    @Test
    void refusesAnotherStatus() {
        AssertionError failure = refused(answer(400, PROBLEM_JSON, "ORDER_NOT_FOUND", "/problems/ORDER_NOT_FOUND"));

        assertTrue(failure.getMessage().startsWith("expected status 404 but was 400: {"), failure.getMessage());
        assertTrue(failure.getMessage().contains("\"code\":\"ORDER_NOT_FOUND\""), failure.getMessage());
    }

    @Test
    void refusesAnotherContentType() {
        AssertionError failure = refused(answer(404, "application/json", "ORDER_NOT_FOUND",
                                                "/problems/ORDER_NOT_FOUND"));

        assertTrue(failure.getMessage().startsWith("expected content type application/problem+json but was "
                                                           + "application/json: {"), failure.getMessage());
    }

    @Test
    void refusesAnAnswerWithoutContentType() {
        AssertionError failure = refused(answer(404, null, "ORDER_NOT_FOUND", "/problems/ORDER_NOT_FOUND"));

        assertTrue(failure.getMessage().contains("but was null"), failure.getMessage());
    }

    @Test
    void refusesAnotherCode() {
        AssertionError failure = refused(answer(404, PROBLEM_JSON, "PRODUCT_NOT_FOUND", "/problems/ORDER_NOT_FOUND"));

        assertTrue(failure.getMessage().startsWith("expected code ORDER_NOT_FOUND but was PRODUCT_NOT_FOUND: {"),
                   failure.getMessage());
    }

    @Test
    void refusesAnotherType() {
        AssertionError failure = refused(answer(404, PROBLEM_JSON, "ORDER_NOT_FOUND", "about:blank"));

        assertTrue(failure.getMessage().startsWith("expected type /problems/ORDER_NOT_FOUND but was about:blank: {"),
                   failure.getMessage());
    }

    @Test
    void refusesAnAnswerWithoutBody() {
        Answer empty = new Answer(404, headers(PROBLEM_JSON), JsonHttp.JSON.nullNode(), URI.create("http://app/x"));

        AssertionError failure = assertThrows(AssertionError.class,
                                              () -> Problems.assertProblem(empty, 404, "ORDER_NOT_FOUND"));
        assertTrue(failure.getMessage().startsWith("expected code ORDER_NOT_FOUND but was null: null"),
                   failure.getMessage());
    }

    @Test
    void reasonLeadsTheFailure() {
        Answer wrong = answer(400, PROBLEM_JSON, "ORDER_NOT_FOUND", "/problems/ORDER_NOT_FOUND");

        AssertionError failure = assertThrows(AssertionError.class,
                                              () -> Problems.assertProblem(wrong, 404, "ORDER_NOT_FOUND", "size=-1"));
        assertTrue(failure.getMessage().startsWith("[size=-1] expected status 404"), failure.getMessage());
    }

    @Test
    void typeIsTheCodesPage() {
        assertEquals("/problems/RATE_LIMITED", Problems.typeOf("RATE_LIMITED"));
    }

    private static AssertionError refused(Answer answer) {
        return assertThrows(AssertionError.class, () -> Problems.assertProblem(answer, 404, "ORDER_NOT_FOUND"));
    }

    private static Answer answer(int status, String contentType, String code, String type) {
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("type", type).put("status", status).put("code", code);
        return new Answer(status, headers(contentType), body, URI.create("http://app/api/orders/o-1"));
    }

    private static HttpHeaders headers(String contentType) {
        Map<String, List<String>> values = contentType == null ? Map.of()
                : Map.of("Content-Type", List.of(contentType));
        return HttpHeaders.of(values, (name, value) -> true);
    }
}
