package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.testkit.Answer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * An order's way through both apps as a buyer sees it: the command ({@code 202}), then
 * {@code GET /api/orders/{id}?wait=N}, which answers as soon as the query side shows the order settled (a long poll,
 * so a client adds no polling load), repeated until it has or a minute has passed.
 */
final class OrderFlow {

    /** Below the request timeout (10 s by default), so a long poll is answered before the client gives up. */
    private static final int WAIT_SECONDS = 5;
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> PLACED = Set.of("PAID", "REJECTED");
    private static final Set<String> CANCELLED = Set.of("CANCELLED");

    /** Where an order ended: PAID, REJECTED (with its reason), CANCELLED, or an error label (HTTP_409, TIMEOUT, IO). */
    record Outcome(String orderId, String status, String reason) {

        boolean is(String expected) {
            return status.equals(expected);
        }
    }

    private final ShopClient shop;

    OrderFlow(ShopClient shop) {
        this.shop = shop;
    }

    /** Places {@code order} (a {@code POST /api/orders} body naming the buyer) and waits until PAID or REJECTED. */
    Outcome place(ClientPool.Client buyer, Map<String, ?> order) {
        return settle("/api/orders", order, buyer.token(), PLACED, false);
    }

    /** Cancels a PAID order of {@code buyer} and waits until it is CANCELLED. */
    Outcome cancel(ClientPool.Client buyer, String orderId) {
        return settle("/api/orders/" + orderId + "/cancellation", Map.of(), buyer.token(), CANCELLED, true);
    }

    private Outcome settle(String path, Map<String, ?> body, String token, Set<String> settled,
                           boolean consistent) {
        String orderId = null;
        try {
            Answer sent = shop.command(path, body, token);
            if (sent.status() != 202) {
                return new Outcome(null, "HTTP_" + sent.status(), sent.body().path("code").asText(""));
            }
            orderId = sent.body().get("orderId").asText();
            // The command's consistency token makes the read wait for its own event: a cancellation is then never
            // answered with the PAID it starts from.
            String position = sent.body().path("consistencyToken").asText("");
            String query = "/api/orders/" + orderId + "?wait=" + WAIT_SECONDS
                    + (consistent && !position.isEmpty() ? "&consistentWith=" + position : "");
            long deadline = System.nanoTime() + OUTCOME_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Answer order = shop.query(query, token);
                String status = order.body().path("status").asText("");
                if (settled.contains(status)) {
                    return new Outcome(orderId, status, order.body().path("reason").asText(""));
                }
                if (order.status() != 200) {
                    ClosedLoop.pause(Duration.ofMillis(10));
                }
            }
            return new Outcome(orderId, "TIMEOUT", "");
        } catch (BenchException e) {
            return new Outcome(orderId, "IO", "");
        }
    }
}
