package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators replay and verify projections. After a scenario that touches every aggregate type (accounts, products,
 * a coupon, orders paid with it and cancelled, a chat room with edits, deletions and reads), a replay of every
 * processing group leaves every read model exactly as it was (all query_side tables, the stack's Redis keys, its
 * Elasticsearch documents), a verified replay finds every group equal, and finds a read model tampered with.
 */
class ReplayIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("replay", 1);

    private static final String ALICE = Shop.unique("alice");
    private static final String BOB = Shop.unique("bob");

    @BeforeAll
    static void scenario() {
        Shop.openAccount(stack.command(), ALICE, 100_000);
        Shop.openAccount(stack.command(), BOB, 50_000);
        String kimchi = Shop.product(stack.command(), 12_000, 20);
        String rice = Shop.product(stack.command(), 3_000, 50);
        assertThat(Http.put(stack.command().resolve("/api/products/" + kimchi + "/price"), Map.of("price", 11_000))
                       .status()).isEqualTo(200);
        assertThat(Http.post(stack.command().resolve("/api/products/" + rice + "/restocks"), Map.of("quantity", 5))
                       .status()).isEqualTo(200);
        String coupon = CouponRace.define(stack.command(), 10);
        assertThat(CouponRace.claim(stack.command(), coupon, ALICE).status()).isEqualTo(201);
        assertThat(CouponRace.claim(stack.command(), coupon, BOB).status()).isEqualTo(201);

        String withCoupon = Shop.order(stack.command(), ALICE, kimchi, 2, coupon);
        String cancelled = Shop.order(stack.command(), BOB, rice, 3, coupon);
        String plain = Shop.order(stack.command(), ALICE, rice, 1, null);
        List.of(withCoupon, cancelled, plain).forEach(order -> Shop.awaitStatus(stack.query(), order, Set.of("PAID")));
        assertThat(Http.post(stack.command().resolve("/api/orders/" + cancelled + "/cancellation"), "").status())
                .isEqualTo(202);
        Shop.awaitStatus(stack.query(), cancelled, Set.of("CANCELLED"));

        String room = Chat.createRoom(stack.command(), ALICE, "market");
        assertThat(Chat.join(stack.command(), room, BOB).status()).isIn(200, 201, 204);
        String hello = Chat.say(stack.command(), room, ALICE, "서울에서 김치를 샀어요");
        String reply = Chat.say(stack.command(), room, BOB, "Nice kimchi, I bought rice");
        Chat.say(stack.command(), room, BOB, "typo message");
        assertThat(Chat.edit(stack.command(), room, hello, ALICE, "서울에서 김치를 두 개 샀어요").status()).isIn(200, 204);
        assertThat(Chat.delete(stack.command(), room, reply, BOB).status()).isIn(200, 204);
        assertThat(Chat.markRead(stack.command(), room, ALICE, hello).status()).isIn(200, 204);
        Chat.awaitHistory(stack.query(), room, 3);
        Chat.awaitIndexEqualsHistory(stack.get());
    }

    @BeforeEach
    void caughtUp() {
        Operators.awaitCaughtUp(stack.query());
    }

    @Test
    void canReplayEveryGroupToTheSameReadModels() throws Exception {
        ReadModels before = ReadModels.of(stack.get());
        assertThat(before.filledTables()).contains("account_view", "product_view", "coupon_view", "user_coupon",
                                                   "order_view", "order_line_view", "product_daily_sales",
                                                   "chat_room", "chat_member", "chat_message");
        assertThat(before.documents()).isNotEmpty();
        assertThat(before.redis().keySet()).anyMatch(key -> key.contains("ranking:products:quantity:daily:"));
        List<String> indicesBefore = Search.indicesBehindReadAlias(stack.get());

        for (String processor : Operators.names(stack.query())) {
            Answer replay = Operators.replay(stack.query(), processor, "");
            assertThat(replay.status()).as("replay %s: %s", processor, replay.body()).isEqualTo(202);
            assertThat(replay.body().get("state").asText()).isEqualTo("REPLAYING");
        }
        Operators.awaitCaughtUp(stack.query());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                                 .until(() -> !Search.indicesBehindReadAlias(stack.get()).equals(indicesBefore));

        assertThat(ReadModels.of(stack.get())).isEqualTo(before);
    }

    @Test
    void canProjectNewEventsAfterAReplay() {
        Answer replay = Operators.replay(stack.query(), "accounts", "");
        assertThat(replay.status()).as("replay accounts: %s", replay.body()).isEqualTo(202);
        Operators.awaitCaughtUp(stack.query());

        String late = Shop.unique("late");
        Shop.openAccount(stack.command(), late, 7_000);

        Shop.awaitBalance(stack.query(), late, 7_000);
        Operators.awaitCaughtUp(stack.query());
    }

    @Test
    void canShowEveryProcessorWithItsPositionAndLag() {
        JsonNode processors = Operators.processors(stack.query());
        assertThat(Operators.names(stack.query())).containsExactlyInAnyOrder(
                "accounts", "catalog", "chat", "coupons", "message-search", "orders", "rankings", "sales");
        for (JsonNode processor : processors) {
            assertThat(processor.get("mode").asText()).isIn("tracking", "pooled");
            assertThat(processor.get("position").asLong()).isEqualTo(processor.get("head").asLong());
            assertThat(processor.get("lagSeconds").asDouble()).isZero();
            assertThat(processor.get("segments").get(0).get("owner").asText()).isNotBlank();
        }
    }

    @Test
    void canVerifyEveryGroupEqual() {
        for (String processor : Operators.names(stack.query())) {
            JsonNode verification = Operators.verify(stack.query(), processor);
            assertThat(verification.get("equal").asBoolean()).as("%s: %s", processor, verification).isTrue();
            assertThat(verification.get("rows").asLong()).as("%s: %s", processor, verification).isPositive();
        }
    }

    @Test
    void canDetectATamperedReadModel() throws Exception {
        try (Connection connection = stack.connect()) {
            connection.createStatement().execute("UPDATE query_side.account_view SET balance = balance + 1 "
                                                         + "WHERE user_id = '" + BOB + "'");
            try {
                JsonNode verification = Operators.verify(stack.query(), "accounts");

                assertThat(verification.get("equal").asBoolean()).isFalse();
                assertThat(verification.get("differences").toString()).contains(BOB, "LIVE_ONLY", "REPLAY_ONLY");
            } finally {
                connection.createStatement().execute("UPDATE query_side.account_view SET balance = balance - 1 "
                                                             + "WHERE user_id = '" + BOB + "'");
            }
        }
    }

    @Test
    void canReplayAGroupFromAMoment() throws Exception {
        ReadModels before = ReadModels.of(stack.get());
        Instant middle = Instant.parse(Shop.get(stack.query(), "/api/accounts/" + BOB).get("openedAt").asText());

        for (String processor : List.of("accounts", "catalog", "orders", "message-search", "rankings")) {
            Answer replay = Operators.replay(stack.query(), processor, "?from=" + middle);
            assertThat(replay.status()).as("replay %s: %s", processor, replay.body()).isEqualTo(202);
        }
        Operators.awaitCaughtUp(stack.query());

        assertThat(ReadModels.of(stack.get())).isEqualTo(before);
    }

    @Test
    void cannotReplayAnAddingProjectionFromAMoment() {
        Answer replay = Operators.replay(stack.query(), "sales", "?from=2026-11-21T00:00:00Z");

        ProblemPages.assertProblem(replay, 409, "REPLAY_FROM_NOT_SUPPORTED");
    }

    @Test
    void cannotReplayFromAMalformedMoment() {
        Answer replay = Operators.replay(stack.query(), "accounts", "?from=yesterday");

        ProblemPages.assertProblem(replay, 400, "VALIDATION_FAILED");
    }

    @Test
    void cannotReplayOrVerifyAnUnknownProcessor() {
        for (String path : List.of("/api/admin/processors/nothing/replay", "/api/admin/processors/nothing/verify-replay",
                                   "/api/admin/dead-letters/nothing/retry")) {
            Answer answer = Http.post(stack.query().resolve(path), "");
            ProblemPages.assertProblem(answer, 404, "PROCESSOR_NOT_FOUND");
        }
        assertThat(Http.get(stack.query().resolve("/api/admin/processors/nothing")).code())
                .isEqualTo("PROCESSOR_NOT_FOUND");
    }
}
