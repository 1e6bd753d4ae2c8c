package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Commerce over HTTP for the system tests: accounts, products, orders, and waiting for an order's outcome. */
final class Shop {

    private static final Set<String> FINAL = Set.of("PAID", "REJECTED", "CANCELLED");

    private Shop() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens an account and deposits {@code funds} (when positive); returns the deposit's consistency token. */
    static String openAccount(URI command, String userId, long funds) {
        Answer opened = Http.post(command.resolve("/api/accounts"), Map.of(
                "userId", userId, "email", userId + "@example.com", "name", "User " + userId));
        assertThat(opened.status()).as("open %s: %s", userId, opened.body()).isEqualTo(201);
        if (funds <= 0) {
            return opened.body().path("consistencyToken").asText();
        }
        Answer deposited = Http.post(command.resolve("/api/accounts/" + userId + "/deposits"),
                                     Map.of("amount", funds));
        assertThat(deposited.status()).as("deposit: %s", deposited.body()).isEqualTo(200);
        return deposited.body().path("consistencyToken").asText();
    }

    static String product(URI command, long price, int stock) {
        String productId = unique("product");
        Answer created = Http.post(command.resolve("/api/products"), Map.of(
                "productId", productId, "name", "Product " + productId, "category", "food",
                "price", price, "stock", stock));
        assertThat(created.status()).as("register: %s", created.body()).isEqualTo(201);
        return productId;
    }

    static Answer placeOrder(URI command, String userId, Map<String, Integer> items, String couponId) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        body.put("items", items.entrySet().stream()
                               .map(item -> Map.of("productId", item.getKey(), "quantity", item.getValue()))
                               .toList());
        if (couponId != null) {
            body.put("couponId", couponId);
        }
        return Http.post(command.resolve("/api/orders"), body);
    }

    static String order(URI command, String userId, String productId, int quantity, String couponId) {
        Answer accepted = placeOrder(command, userId, Map.of(productId, quantity), couponId);
        assertThat(accepted.status()).as("order: %s", accepted.body()).isEqualTo(202);
        return accepted.body().get("orderId").asText();
    }

    /** Waits until the order's read model shows a final status and returns it. */
    static JsonNode awaitOutcome(URI query, String orderId) {
        return awaitStatus(query, orderId, FINAL);
    }

    /** Long-polls the order ({@code wait=5}: the query side answers as soon as the saga settled it). */
    static JsonNode awaitStatus(URI query, String orderId, Set<String> statuses) {
        URI order = query.resolve("/api/orders/" + orderId + "?wait=5");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
               .until(() -> {
                   Answer response = Http.get(order);
                   return response.status() == 200 && statuses.contains(response.body().path("status").asText());
               });
        return Http.get(order).body();
    }

    /** {@code clients} requests made at the same moment, one virtual thread each; answers in no particular order. */
    static <R> List<R> allAtOnce(int clients, IntFunction<R> request) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<R> responses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                responses.add(request.apply(client));
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(responses);
    }

    /** Waits until the product's read model shows {@code stock} available (compensations land asynchronously). */
    static void awaitStock(URI query, String productId, int stock) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
               .untilAsserted(() -> assertThat(get(query, "/api/products/" + productId).get("stock").asInt())
                       .isEqualTo(stock));
    }

    static void awaitBalance(URI query, String userId, long balance) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
               .untilAsserted(() -> assertThat(get(query, "/api/accounts/" + userId).get("balance").asLong())
                       .as("balance of %s", userId).isEqualTo(balance));
    }

    /**
     * Waits until the product's daily sales and today's ranking by quantity both count {@code sold} units (a test's
     * orders are all paid on one day).
     */
    static void awaitSold(URI query, String productId, int sold) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get(query, "/api/stats/products/" + productId + "/sales").path("totalQuantity").asInt())
                    .as("sales of %s", productId).isEqualTo(sold);
            assertThat(rankedQuantity(query, productId)).as("ranking of %s", productId).isEqualTo(sold);
        });
    }

    /** Units of the product in the recent daily rankings by quantity ({@link #ranked}); 0 when it is not ranked. */
    static int rankedQuantity(URI query, String productId) {
        return (int) ranked(query, productId).quantity();
    }

    /** A product's figures summed over the daily rankings a test's sales can be in. */
    record Ranked(long quantity, long revenue) {
    }

    /**
     * The product's quantity and revenue in the daily rankings by quantity of the query side's today and the day
     * before. Days are cut in the sales time zone (Asia/Seoul by default, midnight at 15:00 UTC): an order paid just
     * before midnight is in yesterday's ranking, not in today's, so a test running across midnight must add both.
     */
    static Ranked ranked(URI query, String productId) {
        String path = "/api/rankings/products?period=daily&by=quantity&limit=100";
        JsonNode today = get(query, path);
        JsonNode yesterday = get(query, path + "&date=" + LocalDate.parse(today.path("date").asText()).minusDays(1));
        long quantity = 0;
        long revenue = 0;
        for (JsonNode ranking : List.of(today, yesterday)) {
            for (JsonNode item : ranking.path("items")) {
                if (item.path("productId").asText().equals(productId)) {
                    quantity += item.path("quantity").asLong();
                    revenue += item.path("revenue").asLong();
                }
            }
        }
        return new Ranked(quantity, revenue);
    }

    static JsonNode get(URI query, String path) {
        Answer response = Http.get(query.resolve(path));
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }
}
