package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.jangteo.system.AccessMatrixIT.Expect.forbidden;
import static dev.jangteo.system.AccessMatrixIT.Expect.passes;
import static dev.jangteo.system.AccessMatrixIT.Expect.status;
import static dev.jangteo.system.AccessMatrixIT.Expect.unauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, on the real stack: every endpoint × {no token, a wrong role, another user where ownership applies,
 * the right user} → 401 {@code UNAUTHENTICATED}, 403 {@code FORBIDDEN} (or the room's {@code NOT_A_MEMBER}), and the
 * endpoint's normal answer; then tokens that must not pass (tampered, expired, foreign, unsigned), the token subject
 * as the acting user in event metadata, CORS (one origin allowed on the command side, none on the query side) and
 * secure headers.
 * Each case that changes state works on ids of its own, so the order of the cases does not matter.
 */
class AccessMatrixIT {

    private static final String ALLOWED_ORIGIN = "https://shop.example";

    @RegisterExtension
    static final StackExtension stack = new StackExtension("access", 1,
                                                           "--jangteo.cors.allowed-origins=" + ALLOWED_ORIGIN);
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String alice;
    private static String bob;
    private static String product;
    private static String coupon;
    private static String order;
    private static String room;
    private static String message;

    @BeforeAll
    static void scenario() {
        alice = Shop.unique("alice");
        bob = Shop.unique("bob");
        Shop.openAccount(stack.command(), alice, 100_000);
        Shop.openAccount(stack.command(), bob, 100_000);
        product = Shop.product(stack.command(), 1_000, 100);
        coupon = CouponRace.define(stack.command(), 100);
        order = Shop.order(stack.command(), alice, product, 1, null);
        assertThat(Shop.awaitOutcome(stack.query(), order).path("status").asText()).isEqualTo("PAID");
        room = Chat.createRoom(stack.command(), alice, "access-trip");
        message = Chat.say(stack.command(), room, alice, "서울에서 마라톤을 달렸어요");
        Chat.awaitHistory(stack.query(), room, 1);
        CouponRace.awaitProjected(stack.query(), coupon, 0);
        await().until(() -> Http.get(q("/api/accounts/" + bob), Tokens.client(bob)).status() == 200);
    }

    /** The command side's rules. */
    @TestFactory
    Stream<DynamicTest> commandEndpoints() {
        List<DynamicTest> tests = new ArrayList<>();

        String newcomer = Shop.unique("newcomer");
        cases(tests, "POST /api/accounts",
              token -> post(c("/api/accounts"), Map.of("userId", newcomer, "email", "n@example.com", "name", "N"),
                            token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(newcomer), status(201));
        cases(tests, "POST /api/accounts (no userId: the subject)",
              token -> post(c("/api/accounts"), Map.of("email", "s@example.com", "name", "S"), token),
              Tokens.admin(), null, Tokens.client(Shop.unique("self")), status(201));
        cases(tests, "POST /api/accounts/{userId}/deposits",
              token -> post(c("/api/accounts/" + alice + "/deposits"), Map.of("amount", 100), token),
              Tokens.admin(), Tokens.client(bob), Tokens.client(alice), status(200));
        String doomed = Shop.unique("doomed");
        Shop.openAccount(stack.command(), doomed, 0);
        cases(tests, "DELETE /api/accounts/{userId}",
              token -> Http.delete(c("/api/accounts/" + doomed), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(doomed), passes());
        tests.add(test("DELETE /api/accounts/{userId} as ADMIN", () -> {
            String other = Shop.unique("doomed");
            return Http.delete(c("/api/accounts/" + other), Tokens.admin());
        }, passes()));

        cases(tests, "POST /api/products",
              token -> post(c("/api/products"), Map.of("productId", Shop.unique("p"), "name", "P", "category", "food",
                                                      "price", 1_000, "stock", 1), token),
              Tokens.client(alice), null, Tokens.admin(), status(201));
        cases(tests, "PUT /api/products/{id}/price",
              token -> Http.put(c("/api/products/" + product + "/price"), Map.of("price", 1_000), token),
              Tokens.client(alice), null, Tokens.admin(), status(200));
        cases(tests, "POST /api/products/{id}/restocks",
              token -> post(c("/api/products/" + product + "/restocks"), Map.of("quantity", 1), token),
              Tokens.analyst(), null, Tokens.admin(), status(200));

        cases(tests, "POST /api/orders",
              token -> post(c("/api/orders"), Map.of("userId", alice, "items",
                                                     List.of(Map.of("productId", product, "quantity", 1))), token),
              Tokens.admin(), Tokens.client(bob), Tokens.client(alice), status(202));
        String cancellable = Shop.order(stack.command(), alice, product, 1, null);
        Shop.awaitOutcome(stack.query(), cancellable);
        cases(tests, "POST /api/orders/{id}/cancellation",
              token -> post(c("/api/orders/" + cancellable + "/cancellation"), "", token),
              Tokens.admin(), Tokens.client(bob), Tokens.client(alice), status(202));

        cases(tests, "POST /api/rooms",
              token -> post(c("/api/rooms"), Map.of("name", "R", "ownerId", alice), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(201));
        String joiner = Shop.unique("joiner");
        cases(tests, "POST /api/rooms/{id}/members",
              token -> post(c("/api/rooms/" + room + "/members"), Map.of("userId", joiner), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(joiner), status(204));
        String leaver = Shop.unique("leaver");
        assertThat(Http.post(c("/api/rooms/" + room + "/members"), Map.of(), Tokens.client(leaver)).status())
                .isEqualTo(204);
        cases(tests, "DELETE /api/rooms/{id}/members/{userId}",
              token -> Http.delete(c("/api/rooms/" + room + "/members/" + leaver), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(leaver), status(204));
        cases(tests, "POST /api/rooms/{id}/messages",
              token -> post(c("/api/rooms/" + room + "/messages"), Map.of("senderId", alice, "text", "hi"), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(201));
        tests.add(test("POST /api/rooms/{id}/messages as a non-member for itself", () -> post(
                c("/api/rooms/" + room + "/messages"), Map.of("text", "let me in"), Tokens.client(bob)),
                       forbidden("NOT_A_MEMBER")));
        cases(tests, "PUT /api/rooms/{id}/messages/{messageId}",
              token -> Http.put(c("/api/rooms/" + room + "/messages/" + message),
                                Map.of("userId", alice, "text", "서울에서 마라톤을 완주했어요"), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(204));
        String doomedMessage = Chat.say(stack.command(), room, alice, "soon gone");
        cases(tests, "DELETE /api/rooms/{id}/messages/{messageId}",
              token -> Http.delete(c("/api/rooms/" + room + "/messages/" + doomedMessage + "?userId=" + alice), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(204));
        cases(tests, "POST /api/rooms/{id}/reads",
              token -> post(c("/api/rooms/" + room + "/reads"), Map.of("userId", alice, "upToMessageId", message),
                            token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(204));

        cases(tests, "POST /api/coupons",
              token -> post(c("/api/coupons"), Map.of("name", "C", "discountType", "FIXED", "discountValue", 100,
                                                     "totalQuantity", 5), token),
              Tokens.client(alice), null, Tokens.admin(), status(201));
        cases(tests, "POST /api/coupons/{id}/issues",
              token -> post(c("/api/coupons/" + coupon + "/issues"), Map.of("userId", alice), token),
              Tokens.admin(), Tokens.client(bob), Tokens.client(alice), status(201));

        for (URI app : List.of(c("/api/dev/tokens"), q("/api/dev/tokens"))) {
            tests.add(test("POST " + app + " without a token (default profile: no issuer)",
                           () -> post(app, Map.of("subject", "alice"), null), unauthenticated()));
            tests.add(test("POST " + app + " with a token (default profile: no issuer)",
                           () -> post(app, Map.of("subject", "alice"), Tokens.admin()), forbidden()));
        }
        tests.add(test("no demo account in the default profile", () -> Http.get(q("/api/accounts/alice"),
                                                                                 Tokens.client("alice")),
                       (name, response) -> assertThat(response.code()).as(name).isEqualTo("ACCOUNT_NOT_FOUND")));
        tests.add(test("an unlisted command path", () -> post(c("/api/nothing"), Map.of(), Tokens.admin()),
                       forbidden()));
        return tests.stream();
    }

    /** The query side's rules. */
    @TestFactory
    Stream<DynamicTest> queryEndpoints() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : List.of("/api/products", "/api/products/" + product)) {
            tests.add(test("GET " + path + " without a token", () -> Http.get(q(path), null), unauthenticated()));
            for (String token : List.of(Tokens.client(alice), Tokens.analyst(), Tokens.auditor(), Tokens.admin())) {
                tests.add(test("GET " + path + " with any role", () -> Http.get(q(path), token), status(200)));
            }
        }
        for (String path : List.of("/api/rankings/products", "/api/coupons/" + coupon)) {
            cases(tests, "GET " + path, token -> Http.get(q(path), token),
                  Tokens.auditor(), null, Tokens.client(alice), status(200));
            tests.add(test("GET " + path + " as ANALYST", () -> Http.get(q(path), Tokens.analyst()), status(200)));
            tests.add(test("GET " + path + " as ADMIN", () -> Http.get(q(path), Tokens.admin()), status(200)));
        }
        String sales = "/api/stats/products/" + product + "/sales";
        cases(tests, "GET /api/stats/**", token -> Http.get(q(sales), token),
              Tokens.client(alice), null, Tokens.analyst(), status(200));
        tests.add(test("GET /api/stats/** as ADMIN", () -> Http.get(q(sales), Tokens.admin()), status(200)));
        cases(tests, "GET /api/stats/coupons", token -> Http.get(q("/api/stats/coupons"), token),
              Tokens.client(alice), null, Tokens.analyst(), status(200));

        cases(tests, "GET /api/rooms/{id}", token -> Http.get(q("/api/rooms/" + room), token),
              Tokens.auditor(), Tokens.client(bob), Tokens.client(alice), status(200), "NOT_A_MEMBER");
        tests.add(test("GET /api/rooms/{id} as ANALYST: figures, no message text", () -> {
            Answer answer = Http.get(q("/api/rooms/" + room), Tokens.analyst());
            assertThat(answer.body().toString()).doesNotContain("마라톤");
            return answer;
        }, status(200)));
        cases(tests, "GET /api/rooms/{id}/messages", token -> Http.get(q("/api/rooms/" + room + "/messages"), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(200), "NOT_A_MEMBER");
        tests.add(test("GET /api/rooms/{id}/messages naming another user", () -> Http.get(
                q("/api/rooms/" + room + "/messages?userId=" + alice), Tokens.client(bob)), forbidden()));
        cases(tests, "GET /api/messages/search",
              token -> Http.get(q("/api/messages/search?q=hello&userId=" + alice), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(200));

        for (String path : List.of("/api/accounts/" + alice, "/api/users/" + alice + "/orders",
                                   "/api/users/" + alice + "/coupons", "/api/users/" + alice + "/rooms")) {
            cases(tests, "GET " + path, token -> Http.get(q(path), token),
                  Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(200));
        }
        cases(tests, "GET /api/users/{userId}/export", token -> Http.get(q("/api/users/" + alice + "/export"), token),
              Tokens.admin(), Tokens.client(bob), Tokens.client(alice), passes());
        cases(tests, "GET /api/orders/{id}", token -> Http.get(q("/api/orders/" + order), token),
              Tokens.analyst(), Tokens.client(bob), Tokens.client(alice), status(200));

        for (String path : List.of("/api/audit/aggregates/" + alice + "/events", "/api/audit/events?after=0",
                                   "/api/audit/verify")) {
            cases(tests, "GET " + path, token -> Http.get(q(path), token),
                  Tokens.admin(), null, Tokens.auditor(), status(200));
        }
        for (String path : List.of("/api/admin/processors", "/api/admin/dead-letters", "/api/admin/rankings",
                                   "/api/admin/actions")) {
            cases(tests, "GET " + path, token -> Http.get(q(path), token),
                  Tokens.auditor(), null, Tokens.admin(), status(200));
        }
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
                                   "/v3/api-docs", "/problems", "/problems/FORBIDDEN")) {
            for (URI app : List.of(c(path), q(path))) {
                tests.add(DynamicTest.dynamicTest("GET " + app + " without a token", () -> assertThat(
                        raw(HttpRequest.newBuilder(app).GET(), null).statusCode()).isEqualTo(200)));
            }
        }
        for (URI app : List.of(c("/actuator/prometheus"), q("/actuator/prometheus"))) {
            tests.add(DynamicTest.dynamicTest("GET " + app + " with the scrape token or as an admin only", () -> {
                assertThat(raw(HttpRequest.newBuilder(app).GET(), null).statusCode()).isEqualTo(401);
                assertThat(raw(HttpRequest.newBuilder(app).GET(), Prometheus.TOKEN + "-").statusCode())
                        .isEqualTo(401);
                assertThat(raw(HttpRequest.newBuilder(app).GET(), Tokens.analyst()).statusCode()).isEqualTo(403);
                assertThat(raw(HttpRequest.newBuilder(app).GET(), Tokens.admin()).statusCode()).isEqualTo(200);
                assertThat(raw(HttpRequest.newBuilder(app).GET(), Prometheus.TOKEN).statusCode()).isEqualTo(200);
            }));
        }
        tests.add(test("the scrape token outside /actuator/prometheus",
                       () -> Http.get(q("/actuator/metrics"), Prometheus.TOKEN), unauthenticated()));
        tests.add(test("the scrape token on the API", () -> Http.get(q("/api/coupons/none"), Prometheus.TOKEN),
                       unauthenticated()));
        for (URI app : List.of(c("/actuator/health"), q("/actuator/health"))) {
            tests.add(DynamicTest.dynamicTest("GET " + app + " shows its components to an admin only", () -> {
                assertThat(Http.get(app, null).body().has("components")).isFalse();
                assertThat(Http.get(app, Tokens.analyst()).body().has("components")).isFalse();
                assertThat(Http.get(app, Tokens.admin()).body().path("components").has("db")).isTrue();
            }));
        }
        tests.add(test("GET /actuator/metrics without a token", () -> Http.get(q("/actuator/metrics"), null),
                       unauthenticated()));
        tests.add(test("GET /actuator/metrics as an analyst", () -> Http.get(c("/actuator/metrics"),
                                                                              Tokens.analyst()), forbidden()));
        tests.add(test("GET /actuator/metrics as an admin", () -> Http.get(q("/actuator/metrics"), Tokens.admin()),
                       status(200)));
        for (URI app : List.of(c("/actuator/mappings"), q("/actuator/mappings"))) {
            tests.add(test("GET " + app + " without a token", () -> Http.get(app, null), unauthenticated()));
            tests.add(test("GET " + app + " as an auditor", () -> Http.get(app, Tokens.auditor()), forbidden()));
            tests.add(test("GET " + app + " as an admin", () -> Http.get(app, Tokens.admin()), status(200)));
        }
        tests.add(test("no Swagger UI in the default profile",
                       () -> Http.get(q("/swagger-ui/index.html"), Tokens.admin()), forbidden()));
        tests.add(test("an unlisted query path", () -> Http.get(q("/api/users/" + alice), Tokens.client(alice)),
                       forbidden()));
        return tests.stream();
    }

    @Test
    void cannotPassWithABadToken() {
        String good = Tokens.client(alice);
        int dot = good.lastIndexOf('.');
        String[] parts = good.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + alice + "\",\"roles\":[\"ADMIN\"],\"exp\":9999999999}").getBytes());
        Map<String, String> bad = Map.of(
                "tampered signature", good.substring(0, dot + 1) + new StringBuilder(good.substring(dot + 1)).reverse(),
                "tampered claims", parts[0] + "." + forgedClaims + "." + parts[2],
                "expired", Tokens.expired(alice, "CLIENT"),
                "signed by another key", Tokens.foreign(alice, "CLIENT"),
                "of another issuer", Tokens.otherIssuer(alice, "CLIENT"),
                "for another audience", Tokens.otherAudience(alice, "CLIENT"),
                "unsigned (alg none)", Base64.getUrlEncoder().withoutPadding()
                                                       .encodeToString("{\"alg\":\"none\"}".getBytes())
                        + "." + forgedClaims + ".",
                "not a JWT", "hello");
        bad.forEach((name, token) -> {
            unauthenticated().check(name + " on the query side", Http.get(q("/api/accounts/" + alice), token));
            unauthenticated().check(name + " on the command side",
                                    post(c("/api/accounts/" + alice + "/deposits"), Map.of("amount", 1), token));
        });
    }

    @Test
    void canRecordTheTokenSubjectAsActingUser() {
        String shopper = Shop.unique("shopper");
        Shop.openAccount(stack.command(), shopper, 5_000);
        String chatRoom = Chat.createRoom(stack.command(), shopper, null);
        Chat.say(stack.command(), chatRoom, shopper, "hello");
        String placed = Shop.order(stack.command(), shopper, product, 1, null);
        assertThat(Shop.awaitOutcome(stack.query(), placed).path("status").asText()).isEqualTo("PAID");
        assertThat(post(c("/api/orders/" + placed + "/cancellation"), "", Tokens.client(shopper)).status())
                .isEqualTo(202);

        Map<String, Integer> events = Map.of(shopper, 3, chatRoom, 3, placed, 3);
        events.forEach((aggregate, count) -> await().untilAsserted(() -> {
            JsonNode history = Http.get(q("/api/audit/aggregates/" + aggregate + "/events"), Tokens.auditor())
                                   .body().path("items");
            assertThat(history.size()).as("%s", history).isGreaterThanOrEqualTo(count);
            history.forEach(event -> assertThat(event.path("metadata").path("actingUser").asText())
                    .as("%s", event).isEqualTo(shopper));
        }));
    }

    @Test
    void cannotSneakPastTheRulesWithOddPaths() {
        // Refused before any rule (by Tomcat or by Spring Security's firewall, which answers MALFORMED_REQUEST).
        Answer traversal = Http.get(q("/api/accounts/..;/admin/processors"), Tokens.client(alice));
        assertThat(traversal.status()).as("%s", traversal.body()).isEqualTo(400);
        forbidden().check("a trailing slash is another, unlisted path",
                          Http.get(q("/api/accounts/" + alice + "/"), Tokens.client(bob)));
    }

    @Test
    void canSendSecureHeadersOnEveryAnswer() throws Exception {
        for (HttpResponse<String> answer : List.of(
                raw(HttpRequest.newBuilder(q("/api/accounts/" + alice)).GET(), Tokens.client(alice)),
                raw(HttpRequest.newBuilder(q("/api/accounts/" + alice)).GET(), null),
                raw(HttpRequest.newBuilder(c("/api/accounts/" + alice + "/deposits"))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}")), Tokens.client(alice)))) {
            HttpHeaders headers = answer.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            // HSTS only over HTTPS: a browser ignores it on plain HTTP, and these apps sit behind a TLS proxy.
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        }
        HttpResponse<String> unauthenticated = raw(HttpRequest.newBuilder(q("/api/accounts/" + alice)).GET(), null);
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void canAllowOnlyConfiguredOrigins() throws Exception {
        HttpResponse<String> allowed = raw(preflight(c("/api/orders"), ALLOWED_ORIGIN), null);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v.toLowerCase()).contains("authorization"));

        HttpResponse<String> other = raw(preflight(c("/api/orders"), "https://evil.example"), null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        // The query side lists no origin: the default allows none.
        HttpResponse<String> none = raw(preflight(q("/api/products"), ALLOWED_ORIGIN), null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> simple = raw(HttpRequest.newBuilder(c("/api/accounts/" + alice + "/deposits"))
                                                     .header("Origin", ALLOWED_ORIGIN)
                                                     .header("Content-Type", "application/json")
                                                     .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}")),
                                          Tokens.client(alice));
        assertThat(simple.statusCode()).isEqualTo(200);
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    }

    private static HttpRequest.Builder preflight(URI uri, String origin) {
        return HttpRequest.newBuilder(uri)
                          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                          .header("Origin", origin)
                          .header("Access-Control-Request-Method", "POST")
                          .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    private static HttpResponse<String> raw(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return RAW.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ the matrix

    /** What an answer must be. */
    interface Expect {

        void check(String name, Answer response);

        static Expect status(int status) {
            return (name, response) -> assertThat(response.status()).as("%s: %s", name, response.body())
                                                                    .isEqualTo(status);
        }

        /** Past security: any answer of the endpoint itself, never 401, 403 or a server error. */
        static Expect passes() {
            return (name, response) -> assertThat(response.status()).as("%s: %s", name, response.body())
                                                                    .isNotIn(401, 403).isLessThan(500);
        }

        static Expect unauthenticated() {
            return problem(401, "UNAUTHENTICATED");
        }

        static Expect forbidden() {
            return problem(403, "FORBIDDEN");
        }

        static Expect forbidden(String code) {
            return problem(403, code);
        }

        private static Expect problem(int status, String code) {
            return (name, response) -> ProblemPages.assertProblem(response, status, code);
        }
    }

    /** One request of a case, with the token to send (null: none). */
    interface Call {
        Answer with(String token);
    }

    /**
     * The cases of one endpoint: no token → 401; {@code wrongRole} → 403; {@code otherUser} (null where ownership
     * does not apply) → 403 with {@code ownershipCode}; {@code rightUser} → {@code expected}.
     */
    private static void cases(List<DynamicTest> tests, String endpoint, Call call, String wrongRole, String otherUser,
                              String rightUser, Expect expected, String ownershipCode) {
        tests.add(test(endpoint + " without a token", () -> call.with(null), unauthenticated()));
        tests.add(test(endpoint + " with a wrong role", () -> call.with(wrongRole), forbidden()));
        if (otherUser != null) {
            tests.add(test(endpoint + " as another user", () -> call.with(otherUser), forbidden(ownershipCode)));
        }
        tests.add(test(endpoint + " as the right user", () -> call.with(rightUser), expected));
    }

    private static void cases(List<DynamicTest> tests, String endpoint, Call call, String wrongRole, String otherUser,
                              String rightUser, Expect expected) {
        cases(tests, endpoint, call, wrongRole, otherUser, rightUser, expected, "FORBIDDEN");
    }

    private static DynamicTest test(String name, Supplier<Answer> request, Expect expected) {
        return DynamicTest.dynamicTest(name, () -> expected.check(name, request.get()));
    }

    private static Answer post(URI uri, Object body, String token) {
        return Http.post(uri, body, token);
    }

    private static URI c(String path) {
        return stack.command().resolve(path);
    }

    private static URI q(String path) {
        return stack.query().resolve(path);
    }
}
