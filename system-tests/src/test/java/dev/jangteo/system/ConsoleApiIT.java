package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the console needs of the query side, over HTTP: its files under {@code /console} with their own content
 * policy, the sign-in settings, the processors' status pushed as server-sent events, every operator action on record
 * with the operator's name, and the coupons' uptake. The pages themselves are driven in a browser by
 * {@link ConsoleIT}.
 */
class ConsoleApiIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("consoleapi", 1);

    @Test
    void servesTheConsoleFilesToAnyoneWithTheirOwnPolicy() throws Exception {
        HttpResponse<String> page = file("GET", "/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\">");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> script = file("GET", "/console/js/main.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");

        HttpResponse<String> bare = file("GET", "/console");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/console/");

        JsonNode config = Http.get(stack.query().resolve("/console/config.json"), null).body();
        assertThat(config.path("devSignIn").asBoolean()).as("no dev sign-in outside the local profile").isFalse();
        assertThat(config.path("issuer").isNull()).isTrue();
        assertThat(config.path("clientId").asText()).isEqualTo("jangteo-console");

        assertThat(file("POST", "/console/index.html").statusCode()).isEqualTo(403);
        assertThat(file("GET", "/console/no-such-file.js").statusCode()).isEqualTo(404);
    }

    /** A console file as the browser gets it, whatever its type. */
    private static HttpResponse<String> file(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.query().resolve(path))
                                         .method(method, HttpRequest.BodyPublishers.noBody())
                                         .timeout(Duration.ofSeconds(30)).build();
        return JsonHttp.newClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pushesTheProcessorsStatusAsServerSentEvents() throws Exception {
        HttpClient client = JsonHttp.newClient();
        HttpRequest request = HttpRequest.newBuilder(stack.query().resolve("/api/admin/processors/stream"))
                                         .header("Authorization", "Bearer " + Tokens.admin())
                                         .header("Accept", "text/event-stream")
                                         .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null && events.size() < 2; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    assertThat(event).isEqualTo("processors");
                    events.add(JsonHttp.parse(line.substring(5)));
                }
            }
        }
        assertThat(events).hasSize(2);
        for (JsonNode event : events) {
            assertThat(StreamSupport.stream(event.path("processors").spliterator(), false)
                                    .map(processor -> processor.path("name").asText()))
                    .contains("orders", "accounts", "rankings");
        }

        Answer auditor = Http.get(stack.query().resolve("/api/admin/processors/stream"), Tokens.auditor());
        assertThat(auditor.status()).isEqualTo(403);
    }

    @Test
    void recordsEveryOperatorActionWithTheOperatorsName() {
        String operator = Shop.unique("operator");
        String token = Tokens.of(operator, "ADMIN");
        URI query = stack.query();
        Operators.awaitCaughtUp(query);
        assertThat(Http.post(query.resolve("/api/admin/processors/coupons/replay"), "", token).status())
                .isEqualTo(202);
        assertThat(Http.post(query.resolve("/api/admin/processors/no-such/replay?from=2026-01-01T00:00:00Z"), "",
                             token).status()).isEqualTo(404);
        Operators.awaitCaughtUp(query);

        JsonNode actions = Http.get(query.resolve("/api/admin/actions?limit=10"), Tokens.admin()).body()
                               .path("actions");
        List<JsonNode> mine = StreamSupport.stream(actions.spliterator(), false)
                                           .filter(action -> action.path("operator").asText().equals(operator))
                                           .toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).path("path").asText()).isEqualTo("/api/admin/processors/no-such/replay");
        assertThat(mine.get(0).path("query").asText()).isEqualTo("from=2026-01-01T00:00:00Z");
        assertThat(mine.get(0).path("status").asInt()).isEqualTo(404);
        assertThat(mine.get(1).path("path").asText()).isEqualTo("/api/admin/processors/coupons/replay");
        assertThat(mine.get(1).path("method").asText()).isEqualTo("POST");
        assertThat(mine.get(1).path("status").asInt()).isEqualTo(202);
        assertThat(mine.get(1).path("at").asText()).isNotBlank();
        assertThat(mine.get(1).path("correlationId").asText()).isNotBlank();

        Answer page = Http.get(query.resolve("/api/admin/actions?limit=1"), Tokens.admin());
        assertThat(page.body().path("actions")).hasSize(1);
        long next = page.body().path("next").asLong();
        JsonNode older = Http.get(query.resolve("/api/admin/actions?limit=1&before=" + next), Tokens.admin()).body();
        assertThat(older.path("actions").get(0).path("id").asLong()).isLessThan(next);
        assertThat(Http.get(query.resolve("/api/admin/actions?limit=0"), Tokens.admin()).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(Http.get(query.resolve("/api/admin/actions"), Tokens.auditor()).status()).isEqualTo(403);
    }

    @Test
    void tellsAnalystsHowFarEachCouponWent() {
        String alice = Shop.unique("alice");
        String bob = Shop.unique("bob");
        Shop.openAccount(stack.command(), alice, 100_000);
        Shop.openAccount(stack.command(), bob, 100_000);
        String product = Shop.product(stack.command(), 5_000, 10);
        String coupon = CouponRace.define(stack.command(), 10);
        assertThat(CouponRace.claim(stack.command(), coupon, alice).status()).isEqualTo(201);
        assertThat(CouponRace.claim(stack.command(), coupon, bob).status()).isEqualTo(201);
        Shop.awaitStatus(stack.query(), Shop.order(stack.command(), alice, product, 1, coupon), Set.of("PAID"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode coupons = Http.get(stack.query().resolve("/api/stats/coupons"), Tokens.analyst()).body();
            JsonNode mine = StreamSupport.stream(coupons.path("coupons").spliterator(), false)
                                         .filter(c -> c.path("couponId").asText().equals(coupon))
                                         .findFirst().orElseThrow();
            assertThat(mine.path("totalQuantity").asInt()).isEqualTo(10);
            assertThat(mine.path("issued").asInt()).isEqualTo(2);
            assertThat(mine.path("redeemed").asLong()).isEqualTo(1);
        });
        assertThat(Http.get(stack.query().resolve("/api/stats/coupons"), Tokens.client(alice)).status())
                .isEqualTo(403);
    }
}
