package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.jangteo.system.ProblemPages.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal whose answer once depended on the command bus: through Axon Server each of these was a 500, or an
 * order left PENDING until its step deadline, since only a {@code CommandExecutionException} and its details cross
 * the wire there. Runs as a default system test and again in the {@code remote-like} run (system-tests/pom.xml),
 * where every failure reaches its sender only as Axon Server would hand it over.
 */
class RefusalsOnEveryBusIT {

    /** Two command sides on one store, so that commands on one aggregate can race each other. */
    @RegisterExtension
    static final StackExtension stack = new StackExtension("refusals", 2);

    @Test
    void canRetryTheRacesLostToAnotherInstanceAndReadEachWriteAfterIt() throws Exception {
        // Both instances deposit into one wallet at once: each append that lost the race to the other instance is
        // answered LOST_RACE and sent again, never refused. The last deposit's consistency token then covers them all.
        String user = Shop.unique("raced");
        Shop.openAccount(stack.command(), user, 0);
        var deposits = Shop.allAtOnce(40, i -> Http.post(
                stack.command(i % 2).resolve("/api/accounts/" + user + "/deposits"), Map.of("amount", 100)));

        assertThat(deposits).allSatisfy(deposit -> assertThat(deposit.status()).as("%s", deposit.body())
                                                                                 .isEqualTo(200));
        Answer last = Http.post(stack.command().resolve("/api/accounts/" + user + "/deposits"),
                                Map.of("amount", 100));
        JsonNode account = Shop.get(stack.query(), "/api/accounts/" + user + "?consistentWith="
                + last.body().path("consistencyToken").asText());
        assertThat(account.path("balance").asLong()).isEqualTo(41 * 100L);
    }

    @Test
    void answersSomethingUnknownWith404() {
        assertProblem(CouponRace.claim(stack.command(), "no-such-coupon", "ann"), 404, "COUPON_NOT_FOUND");
        assertProblem(Http.post(stack.command().resolve("/api/accounts/no-such-user/deposits"), Map.of("amount", 1),
                                Tokens.client("no-such-user")), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(Http.put(stack.command().resolve("/api/products/no-such-product/price"), Map.of("price", 1)),
                      404, "PRODUCT_NOT_FOUND");
        assertProblem(Http.post(stack.command().resolve("/api/orders/no-such-order/cancellation"), "",
                                Tokens.client("ann")), 404, "ORDER_NOT_FOUND");
        assertProblem(Chat.post(stack.command(), "no-such-room", "ann", "hello", null), 404, "ROOM_NOT_FOUND");
    }

    @Test
    void answersATakenIdWith409() {
        String user = Shop.unique("twice");
        Shop.openAccount(stack.command(), user, 0);
        assertProblem(Http.post(stack.command().resolve("/api/accounts"), Map.of(
                "userId", user, "email", user + "@example.com", "name", "Again")), 409, "ACCOUNT_ALREADY_EXISTS");

        String product = Shop.product(stack.command(), 1_000, 1);
        assertProblem(Http.post(stack.command().resolve("/api/products"), Map.of(
                "productId", product, "name", "Again", "category", "food", "price", 1_000, "stock", 1)),
                      409, "PRODUCT_ALREADY_EXISTS");

        Map<String, Object> coupon = Map.of("couponId", Shop.unique("coupon"), "name", "x", "discountType", "FIXED",
                                            "discountValue", 100, "totalQuantity", 5);
        assertThat(Http.post(stack.command().resolve("/api/coupons"), coupon).status()).isEqualTo(201);
        assertProblem(Http.post(stack.command().resolve("/api/coupons"), coupon), 409, "COUPON_ALREADY_EXISTS");
    }

    @Test
    void answersAnAggregatesRuleWithItsOwnCode() {
        String owner = Shop.unique("owner");
        Shop.openAccount(stack.command(), owner, 0);
        String product = Shop.product(stack.command(), 1_000, 5);
        String rejected = Shop.order(stack.command(), owner, product, 1, null);
        assertThat(Shop.awaitOutcome(stack.query(), rejected).path("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");

        assertProblem(Http.post(stack.command().resolve("/api/orders/" + rejected + "/cancellation"), "",
                                Tokens.client("someone-else")), 403, "FORBIDDEN");
        assertProblem(Http.post(stack.command().resolve("/api/orders/" + rejected + "/cancellation"), "",
                                Tokens.client(owner)), 409, "ORDER_NOT_CANCELLABLE");

        String room = Chat.createRoom(stack.command(), owner, null);
        String said = Chat.say(stack.command(), room, owner, "hello");
        assertProblem(Chat.post(stack.command(), room, "stranger", "hi", null), 403, "NOT_A_MEMBER");
        assertThat(Chat.join(stack.command(), room, "guest").status()).isEqualTo(204);
        assertProblem(Chat.delete(stack.command(), room, said, "guest"), 403, "NOT_THE_SENDER");
    }

    @Test
    void rejectsAnOrderOfAnUnknownProductOrFromAClosedAccountAtOnce() {
        // Decided by the refusal's code: a saga that did not recognise it would leave the order to its step
        // deadline, which rejects it as TIMED_OUT instead.
        String user = Shop.unique("unlucky");
        Shop.openAccount(stack.command(), user, 100_000);
        JsonNode unknown = Shop.awaitOutcome(stack.query(), Shop.order(stack.command(), user, "no-such-product", 1,
                                                                       null));
        assertThat(unknown.path("reason").asText()).isEqualTo("PRODUCT_NOT_FOUND");

        String product = Shop.product(stack.command(), 1_000, 5);
        assertThat(Http.delete(stack.command().resolve("/api/accounts/" + user), Tokens.client(user)).status())
                .isEqualTo(200);
        JsonNode closed = Shop.awaitOutcome(stack.query(), Shop.order(stack.command(), user, product, 1, null));
        assertThat(closed.path("reason").asText()).isEqualTo("ACCOUNT_CLOSED");
        assertProblem(Http.post(stack.command().resolve("/api/accounts/" + user + "/deposits"), Map.of("amount", 1),
                                Tokens.client(user)), 409, "ACCOUNT_CLOSED");
    }
}
