package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two races of the commerce issue, over HTTP on the real stack: many clients on the last units of a product,
 * and many orders from one wallet that can pay only some of them. Nothing is oversold, no balance goes negative,
 * and every refused order gave back what it had taken.
 */
class OrderConcurrencyIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("orders", 1);

    @Test
    void canSellExactlyTheLastTenUnitsToAHundredClients() throws Exception {
        String productId = Shop.product(stack.command(), 1_000, 10);
        List<String> users = java.util.stream.IntStream.range(0, 100).mapToObj(i -> Shop.unique("buyer")).toList();
        users.forEach(user -> Shop.openAccount(stack.command(), user, 10_000));

        List<Answer> accepted = Shop.allAtOnce(100, client -> Shop.placeOrder(
                stack.command(), users.get(client), Map.of(productId, 1), null));
        assertThat(accepted).allSatisfy(response -> assertThat(response.status()).isEqualTo(202));

        List<JsonNode> outcomes = accepted.stream()
                                          .map(response -> Shop.awaitOutcome(stack.query(),
                                                                             response.body().get("orderId").asText()))
                                          .toList();
        Map<String, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(
                order -> order.get("status").asText() + "/" + order.path("reason").asText(""),
                Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("PAID/", 10L, "REJECTED/OUT_OF_STOCK", 90L));

        assertThat(Shop.get(stack.query(), "/api/products/" + productId).get("stock").asInt()).isZero();
        assertThat(stockInEvents(stack.get(), productId)).as("stock after each event of the product")
                                                         .allMatch(stock -> stock >= 0).last().isEqualTo(0L);
        Map<String, Long> paidBalances = outcomes.stream()
                                                 .filter(order -> order.get("status").asText().equals("PAID"))
                                                 .collect(Collectors.toMap(order -> order.get("userId").asText(),
                                                                           order -> 9_000L));
        for (String user : users) {
            Shop.awaitBalance(stack.query(), user, paidBalances.getOrDefault(user, 10_000L));
        }
    }

    @Test
    void canPayExactlyTheOrdersOneWalletCovers() throws Exception {
        String productId = Shop.product(stack.command(), 1_000, 1_000);
        String user = Shop.unique("spender");
        Shop.openAccount(stack.command(), user, 37_000);

        List<Answer> accepted = Shop.allAtOnce(100, client -> Shop.placeOrder(
                stack.command(), user, Map.of(productId, 1), null));
        assertThat(accepted).allSatisfy(response -> assertThat(response.status()).isEqualTo(202));

        Map<String, Long> byStatus = accepted.stream()
                                             .map(response -> Shop.awaitOutcome(
                                                     stack.query(), response.body().get("orderId").asText()))
                                             .collect(Collectors.groupingBy(
                                                     order -> order.get("status").asText() + "/"
                                                             + order.path("reason").asText(""),
                                                     Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(
                Map.of("PAID/", 37L, "REJECTED/INSUFFICIENT_FUNDS", 63L));

        Shop.awaitBalance(stack.query(), user, 0);
        assertThat(balancesInEvents(stack.get(), user)).as("balance after each event of the account")
                                          .allMatch(balance -> balance >= 0);
        Shop.awaitStock(stack.query(), productId, 1_000 - 37);
    }

    /** The product's stock after each of its events that changed it, in order. */
    static List<Long> stockInEvents(Stack stack, String productId) {
        return numbersInEvents(stack, productId, "stock", Function.identity());
    }

    /** The account's balance after each of its events that changed it, in order. */
    static List<Long> balancesInEvents(Stack stack, String userId) {
        return numbersInEvents(stack, userId, "balance", node -> node.path("won"));
    }

    /** The field {@code field} of every event of the aggregate that has it, in order. */
    private static List<Long> numbersInEvents(Stack stack, String aggregateId, String field,
                                              Function<JsonNode, JsonNode> value) {
        return Events.ofAggregate(stack.query(), aggregateId).stream().map(event -> event.path("payload"))
                     .filter(payload -> payload.has(field)).map(payload -> value.apply(payload.get(field)).asLong())
                     .toList();
    }
}
