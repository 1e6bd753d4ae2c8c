package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order and sales read models are a pure function of the events: wiped together with their tracking tokens,
 * they are rebuilt by replay with exactly the same content (orders paid, rejected and cancelled; daily sales net of
 * cancellations).
 */
class OrderReplayIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("orderreplay", 1);

    @Test
    void canReplayOrdersAndSalesToTheSameContent() throws Exception {
        List<String> users = List.of(Shop.unique("r1"), Shop.unique("r2"), Shop.unique("r3"));
        users.forEach(user -> Shop.openAccount(stack.command(), user, 60_000));
        List<String> products = List.of(Shop.product(stack.command(), 7_000, 20),
                                        Shop.product(stack.command(), 11_000, 3));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(Shop.order(stack.command(), users.get(i % 3), products.get(i % 2), 1 + i % 3, null));
        }
        orders.forEach(order -> Shop.awaitOutcome(stack.query(), order));
        List<String> cancelled = orders.stream()
                                       .filter(order -> Shop.get(stack.query(), "/api/orders/" + order)
                                                            .get("status").asText().equals("PAID"))
                                       .limit(3)
                                       .toList();
        assertThat(cancelled).hasSize(3);
        cancelled.forEach(order -> assertThat(Http.post(
                stack.command().resolve("/api/orders/" + order + "/cancellation"), "").status()).isEqualTo(202));
        cancelled.forEach(order -> Shop.awaitStatus(stack.query(), order, Set.of("CANCELLED")));
        Map<String, JsonNode> before = readModels(orders, users, products);
        assertThat(before.values().stream().filter(node -> node.has("totalQuantity"))
                         .mapToLong(node -> node.get("totalQuantity").asLong()).sum())
                .as("some sales remain after the cancellations").isPositive();

        stack.get().stopQuerySide();
        try (Connection connection = stack.connect()) {
            connection.createStatement().execute("""
                    TRUNCATE query_side.order_line_view, query_side.order_view, query_side.product_daily_sales,
                             query_side.daily_discount, query_side.sales_product;
                    DELETE FROM query_side.token_entry WHERE processor_name IN ('orders', 'sales')""");
        }
        stack.get().startQuerySide();
        orders.forEach(order -> Shop.awaitOutcome(stack.query(), order));
        cancelled.forEach(order -> Shop.awaitStatus(stack.query(), order, Set.of("CANCELLED")));

        assertThat(readModels(orders, users, products)).isEqualTo(before);
    }

    private static Map<String, JsonNode> readModels(List<String> orders, List<String> users, List<String> products) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        String range = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Map<String, JsonNode> model = new LinkedHashMap<>();
        orders.forEach(order -> model.put(order, Shop.get(stack.query(), "/api/orders/" + order)));
        users.forEach(user -> model.put(user, Shop.get(stack.query(), "/api/users/" + user + "/orders?size=100")));
        products.forEach(product -> model.put(product, Shop.get(
                stack.query(), "/api/stats/products/" + product + "/sales" + range)));
        return model;
    }
}
