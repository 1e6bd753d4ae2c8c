package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Crypto-shredding on the real stack. A user with a distinctive email and name buys something and chats; their
 * export holds it all. Then the account is deleted: the email and name appear in no answer of the API (account,
 * export, audit history, state, global feed as JSON and NDJSON), never appeared in the stored event bytes, and stay
 * gone after every processing group is replayed; balances, sales and rankings do not change, deposits are refused,
 * and the seal chain still verifies.
 */
class CryptoShreddingIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("shredding", 1);

    private static final String ERASED = "[erased]";

    private static String user;
    private static String email;
    private static String name;
    private static String product;
    private static String order;
    private static JsonNode exportBeforeDeletion;
    private static String exportDisposition;
    private static Map<String, Object> figuresBeforeDeletion;

    @BeforeAll
    static void scenario() {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        user = Shop.unique("shred");
        email = "qx" + mark + "@shredding.example";
        name = "Zyxwv " + mark;
        Answer opened = Http.post(stack.command().resolve("/api/accounts"),
                                  Map.of("userId", user, "email", email, "name", name), Tokens.client(user));
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        assertThat(Http.post(stack.command().resolve("/api/accounts/" + user + "/deposits"),
                             Map.of("amount", 50_000), Tokens.client(user)).status()).isEqualTo(200);
        product = Shop.product(stack.command(), 12_000, 5);
        order = Shop.order(stack.command(), user, product, 2, null);
        assertThat(Shop.awaitOutcome(stack.query(), order).path("status").asText()).isEqualTo("PAID");
        String room = Chat.createRoom(stack.command(), user, "shredding");
        Chat.say(stack.command(), room, user, "see you at the market");
        Operators.awaitCaughtUp(stack.query());

        HttpResponse<String> export = raw("/api/users/" + user + "/export", "application/json", Tokens.client(user));
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        exportDisposition = export.headers().firstValue("Content-Disposition").orElse("");
        exportBeforeDeletion = read(export.body());
        figuresBeforeDeletion = figures();

        Answer deleted = Http.delete(stack.command().resolve("/api/accounts/" + user), Tokens.client(user));
        assertThat(deleted.status()).as("%s", deleted.body()).isEqualTo(200);
        Answer again = Http.delete(stack.command().resolve("/api/accounts/" + user), Tokens.admin());
        assertThat(again.status()).as("a repeated DELETE, by an admin: %s", again.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> ERASED.equals(Shop.get(stack.query(), "/api/accounts/" + user).path("email").asText()));
        Operators.awaitCaughtUp(stack.query());
    }

    @Test
    void canExportEverythingHeldAboutTheUserWhileTheAccountIsOpen() {
        assertThat(exportDisposition).startsWith("attachment").contains("jangteo-export-" + user + ".json");
        assertThat(exportBeforeDeletion.path("account").path("email").asText()).isEqualTo(email);
        assertThat(exportBeforeDeletion.path("account").path("name").asText()).isEqualTo(name);
        assertThat(exportBeforeDeletion.path("account").path("balance").asLong()).isEqualTo(50_000 - 24_000);
        assertThat(exportBeforeDeletion.path("movements")).extracting(m -> m.path("type").asText())
                                                          .containsExactly("DEPOSIT", "DEBIT");
        assertThat(exportBeforeDeletion.path("orders").get(0).path("orderId").asText()).isEqualTo(order);
        assertThat(exportBeforeDeletion.path("orders").get(0).path("lines").get(0).path("productId").asText())
                .isEqualTo(product);
        assertThat(exportBeforeDeletion.path("rooms")).hasSize(1);
        assertThat(exportBeforeDeletion.path("messages").get(0).path("text").asText())
                .isEqualTo("see you at the market");
    }

    @Test
    void canShowNoPersonalPlaintextThroughAnyApiAfterDeletion() {
        assertNoPlaintextAnywhere();
        JsonNode account = Shop.get(stack.query(), "/api/accounts/" + user);
        assertThat(account.path("name").asText()).isEqualTo(ERASED);
        assertThat(account.path("closedAt").isNull()).isFalse();
        JsonNode opened = Shop.get(stack.query(), "/api/audit/aggregates/" + user + "/events?size=100")
                              .path("items").get(0);
        assertThat(opened.path("payload").path("email").asText()).isEqualTo(ERASED);
        assertThat(opened.path("payload").path("displayName").asText()).isEqualTo(ERASED);
        JsonNode state = Shop.get(stack.query(), "/api/audit/aggregates/" + user + "/state").path("state");
        assertThat(state.path("email").asText()).isEqualTo(ERASED);
        assertThat(state.path("closed").asBoolean()).isTrue();
        JsonNode export = read(raw("/api/users/" + user + "/export", "application/json", Tokens.client(user))
                                       .body());
        assertThat(export.path("account").path("email").asText()).isEqualTo(ERASED);
        assertThat(export.path("orders")).hasSize(1);
    }

    @Test
    void canNeverHaveStoredPersonalPlaintextInTheEventTable() throws Exception {
        // The stored bytes themselves are checked, which only the PostgreSQL event table lets a test read.
        assumeTrue(Stack.eventTableIsTheStore(), "the raw stored bytes are read from the PostgreSQL event table");
        List<String> rows = new ArrayList<>();
        try (Connection connection = stack.connect();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT payload, meta_data FROM command_side.domain_event_entry")) {
            while (row.next()) {
                rows.add(new String(row.getBytes(1), StandardCharsets.UTF_8));
                byte[] metaData = row.getBytes(2);
                rows.add(metaData == null ? "" : new String(metaData, StandardCharsets.UTF_8));
            }
        }
        assertThat(rows).isNotEmpty().noneMatch(this::holdsPlaintext);
        assertThat(rows).anyMatch(row -> row.contains("\"email\":\"pii:v1:"));
    }

    @Test
    void canReplayEveryProcessingGroupWithoutPlaintextOrChangedFigures() {
        for (String processor : Operators.names(stack.query())) {
            Answer replay = Operators.replay(stack.query(), processor, "");
            assertThat(replay.status()).as("replay %s: %s", processor, replay.body()).isEqualTo(202);
        }
        Operators.awaitCaughtUp(stack.query());

        assertNoPlaintextAnywhere();
        assertThat(figures()).isEqualTo(figuresBeforeDeletion);
        assertThat(Shop.get(stack.query(), "/api/accounts/" + user).path("email").asText()).isEqualTo(ERASED);
    }

    @Test
    void canKeepBalancesSalesAndRankingsThroughTheDeletion() {
        assertThat(figures()).isEqualTo(figuresBeforeDeletion);
    }

    @Test
    void cannotDepositIntoADeletedAccount() {
        Answer deposited = Http.post(stack.command().resolve("/api/accounts/" + user + "/deposits"),
                                     Map.of("amount", 1_000), Tokens.client(user));

        assertThat(deposited.status()).as("%s", deposited.body()).isEqualTo(409);
        assertThat(deposited.body().path("code").asText()).isEqualTo("ACCOUNT_CLOSED");
    }

    @Test
    void cannotPayAnOrderFromADeletedAccount() {
        String late = Shop.order(stack.command(), user, product, 1, null);

        JsonNode outcome = Shop.awaitOutcome(stack.query(), late);

        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("reason").asText()).isEqualTo("ACCOUNT_CLOSED");
    }

    @Test
    void canStillVerifyTheSealChainAfterTheDeletion() throws Exception {
        JsonNode verification = Operators.verifySealChain(stack.get());

        assertThat(verification.path("verified").asBoolean()).as("%s", verification).isTrue();
    }

    @Test
    void cannotReadPersonalFieldsAsErasedWhileTheKeyStoreFails() throws Exception {
        String kept = Shop.unique("kept");
        Shop.openAccount(stack.command(), kept, 0);
        Operators.awaitCaughtUp(stack.query());
        String history = "/api/audit/aggregates/" + kept + "/events?size=100";

        try (Connection connection = stack.connect()) {
            connection.createStatement().execute("ALTER TABLE personal_data.subject_key RENAME TO subject_key_away");
            try {
                HttpResponse<String> failing = raw(history, "application/json", Tokens.auditor());
                assertThat(failing.statusCode()).as(failing.body()).isEqualTo(503);
                assertThat(failing.body()).contains("SERVICE_UNAVAILABLE").doesNotContain(ERASED);
            } finally {
                connection.createStatement().execute("ALTER TABLE personal_data.subject_key_away RENAME TO subject_key");
            }
        }
        JsonNode opened = read(raw(history, "application/json", Tokens.auditor()).body()).path("items").get(0);
        assertThat(opened.path("payload").path("email").asText()).isEqualTo(kept + "@example.com");
    }

    private static void assertNoPlaintextAnywhere() {
        Map<String, String> paths = Map.of("/api/accounts/" + user, Tokens.client(user),
                                           "/api/users/" + user + "/export", Tokens.client(user),
                                           "/api/users/" + user + "/orders", Tokens.client(user),
                                           "/api/audit/aggregates/" + user + "/events?size=100", Tokens.auditor(),
                                           "/api/audit/aggregates/" + user + "/state", Tokens.auditor(),
                                           "/api/audit/aggregates/" + user + "/state?version=0", Tokens.auditor(),
                                           "/api/audit/events?limit=1000", Tokens.auditor());
        paths.forEach((path, token) -> {
            HttpResponse<String> answer = raw(path, "application/json", token);
            assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(email).doesNotContain(name);
        });
        // The whole feed: positions start at 0 on some stores (Axon Server), at 1 on others.
        HttpResponse<String> ndjson = raw("/api/audit/events", "application/x-ndjson", Tokens.auditor());
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.body()).contains(user).contains(ERASED).doesNotContain(email).doesNotContain(name);
    }

    private boolean holdsPlaintext(String stored) {
        return stored.contains(email) || stored.contains(name) || stored.contains(email.split("@")[0]);
    }

    /** Balance, the product's sales and its recent ranking entries, as the query side answers them. */
    private static Map<String, Object> figures() {
        JsonNode sales = Shop.get(stack.query(), "/api/stats/products/" + product + "/sales");
        return Map.of("balance", Shop.get(stack.query(), "/api/accounts/" + user).path("balance"),
                      "salesQuantity", sales.path("totalQuantity"),
                      "salesRevenue", sales.path("totalRevenue"),
                      "ranked", Shop.ranked(stack.query(), product));
    }

    /** A query-side answer as text with its headers, for what {@link Answer} does not keep. */
    private static HttpResponse<String> raw(String path, String accept, String token) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(stack.query().resolve(path)).header("Accept", accept)
                               .header("Authorization", "Bearer " + token)
                               .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JsonHttp.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
