package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;
import org.awaitility.core.ConditionTimeoutException;

import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders under a crash, and the books afterwards: one client per wallet places orders of one item, each with its own
 * {@code Idempotency-Key}, resending it (to whichever process answers now) until it is accepted, while a crash
 * happens once the run is under way; then each order must exist once, every key answer a late retry with its first
 * answer, every order settle, and money, stock, sales and rankings add up in the read models and the audit state,
 * with the seal chain verifying (where the event table is the store). Each wallet can pay {@link #FUNDS} /
 * {@link #PRICE} orders, so some are refused.
 */
final class OrderBooks {

    static final long PRICE = 100;
    static final long FUNDS = 10 * PRICE;
    static final int STOCK = 120;
    /** The crash lands once this many orders were accepted: a moment after the run is under way. */
    private static final int ACCEPTED_BEFORE_CRASH = 40;
    /** Longer than anything a crash may hold a key for (the in-flight timeout is 60 s): a key stuck for good fails. */
    private static final Duration ACCEPT_WITHIN = Duration.ofSeconds(90);
    private static final Set<String> FINAL = Set.of("PAID", "REJECTED", "CANCELLED");
    private static final Set<Integer> RETRIED = Set.of(409, 429, 500, 502, 503, 504);

    private final StackExtension stack;

    OrderBooks(StackExtension stack) {
        this.stack = stack;
    }

    /** What each client sent and what it was told: the order id its key got. */
    record Placed(String orderId, String key, String wallet, String product) {
    }

    List<String> wallets(int count) {
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String wallet = Shop.unique("crash-wallet");
            Shop.openAccount(stack.command(), wallet, FUNDS);
            wallets.add(wallet);
        }
        return wallets;
    }

    List<String> products(int count) {
        List<String> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(Shop.product(stack.command(), PRICE, STOCK));
        }
        return products;
    }

    /**
     * One client per wallet placing {@code perWallet} orders of one item, each with its own key, resent until
     * accepted; {@code crash} runs once {@link #ACCEPTED_BEFORE_CRASH} orders were accepted, while the clients go on.
     */
    List<Placed> placeAll(AtomicReference<URI> command, List<String> wallets, List<String> products, int perWallet,
                          Runnable crash) throws InterruptedException {
        AtomicInteger accepted = new AtomicInteger();
        Thread crasher = Thread.ofVirtual().start(() -> {
            while (accepted.get() < ACCEPTED_BEFORE_CRASH) {
                pause(10);
            }
            crash.run();
        });
        List<List<Placed>> placed = Shop.allAtOnce(wallets.size(), client -> {
            List<Placed> orders = new ArrayList<>();
            for (int n = 0; n < perWallet; n++) {
                String wallet = wallets.get(client);
                String product = products.get((client + n) % products.size());
                String key = UUID.randomUUID().toString();
                orders.add(new Placed(placeUntilAccepted(command, key, wallet, product), key, wallet, product));
                accepted.incrementAndGet();
            }
            return orders;
        });
        crasher.join();
        return placed.stream().flatMap(List::stream).toList();
    }

    /** Each order exists once, and each key answers a late retry with its first answer, the order's 202. */
    void assertEachOrderOnce(List<Placed> placed) throws Exception {
        List<String> orderIds = placed.stream().map(Placed::orderId).toList();
        assertThat(orderIds).doesNotHaveDuplicates();
        assertThat(placedEventsPerOrder(orderIds)).as("one OrderPlacedEvent per order")
                                                  .hasSize(orderIds.size()).containsOnlyKeys(orderIds)
                                                  .allSatisfy((order, events) -> assertThat(events).isEqualTo(1));
        assertThat(keysInFlightWithoutEffect()).as("keys whose run left no trace").isZero();
        for (Placed order : placed) {
            Wire.Reply again = order(stack.command(), order.key(), order.wallet(), order.product());
            assertThat(again.status()).as("a late retry of %s: %s", order.orderId(), again).isEqualTo(202);
            assertThat(again.headers().first("Idempotency-Replayed")).isEqualTo("true");
            assertThat(JsonHttp.JSON.readTree(again.raw()).path("orderId").asText()).isEqualTo(order.orderId());
        }
    }

    /**
     * Every order settles; each wallet's balance, in the read model and in the audit state, is its funds minus what
     * its PAID orders cost; each product's stock, sales and ranking agree with its PAID orders; the seal chain
     * verifies.
     */
    void assertBooksBalance(List<String> wallets, List<String> products, List<Placed> placed) {
        Map<String, Long> paidPerWallet = new HashMap<>();
        Map<String, Integer> paidPerProduct = new HashMap<>();
        Map<String, String> outcomes = awaitOutcomes(placed);
        for (Placed order : placed) {
            if (outcomes.get(order.orderId()).equals("PAID")) {
                paidPerWallet.merge(order.wallet(), 1L, Long::sum);
                paidPerProduct.merge(order.product(), 1, Integer::sum);
            }
        }
        assertThat(paidPerProduct.values().stream().mapToInt(Integer::intValue).sum())
                .as("some orders paid, some refused").isBetween(1, placed.size() - 1);
        for (String wallet : wallets) {
            long balance = FUNDS - PRICE * paidPerWallet.getOrDefault(wallet, 0L);
            Shop.awaitBalance(stack.query(), wallet, balance);
            assertThat(auditState(wallet).path("balance").asLong()).as("audit balance of %s", wallet)
                                                                 .isEqualTo(balance);
        }
        for (String product : products) {
            int sold = paidPerProduct.getOrDefault(product, 0);
            Shop.awaitStock(stack.query(), product, STOCK - sold);
            assertThat(auditState(product).path("stock").asInt()).as("audit stock of %s", product)
                                                               .isEqualTo(STOCK - sold);
            Shop.awaitSold(stack.query(), product, sold);
        }
        assertThat(Shop.get(stack.query(), "/api/audit/verify").path("verified").asBoolean())
                .as("the seal chain verifies").isTrue();
    }

    /** One order, sent with its own key and resent with that key (to whichever process now answers) until accepted. */
    private String placeUntilAccepted(AtomicReference<URI> command, String key, String wallet, String product) {
        Instant giveUp = Instant.now().plus(ACCEPT_WITHIN);
        Object last = null;
        while (Instant.now().isBefore(giveUp)) {
            try {
                Wire.Reply reply = order(command.get(), key, wallet, product);
                if (reply.status() == 202) {
                    return JsonHttp.JSON.readTree(reply.raw()).path("orderId").asText();
                }
                assertThat(reply.status()).as("order of %s: %s", wallet, reply).isIn(RETRIED);
                if (reply.status() == 409) {
                    assertThat(reply.code()).as("%s", reply).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
                }
                last = reply;
            } catch (UncheckedIOException connectionLost) {
                // the process died under this request, or its successor is not listening yet: retry
                last = connectionLost;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            pause(200);
        }
        throw new AssertionError("key " + key + " of " + wallet + " never reached an answer within " + ACCEPT_WITHIN
                                         + "; last: " + last);
    }

    private Wire.Reply order(URI command, String key, String wallet, String product) {
        return Wire.post(command.resolve("/api/orders")).header("Idempotency-Key", key)
                   .json(Map.of("userId", wallet, "items", List.of(Map.of("productId", product, "quantity", 1))))
                   .send();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every order's final status, once all have one; on a timeout, the orders still open with their status and the
     * events each has, which say where it stopped.
     */
    private Map<String, String> awaitOutcomes(List<Placed> placed) {
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (Placed order : placed) {
                    if (!outcomes.containsKey(order.orderId())) {
                        Answer view = orderView(order);
                        String status = view.status() == 200 ? view.body().path("status").asText() : "";
                        if (FINAL.contains(status)) {
                            outcomes.put(order.orderId(), status);
                        }
                    }
                }
                return outcomes.size() == placed.size();
            });
        } catch (ConditionTimeoutException timeout) {
            StringBuilder open = new StringBuilder();
            for (Placed order : placed) {
                if (!outcomes.containsKey(order.orderId())) {
                    open.append('\n').append(order.orderId()).append(' ').append(orderView(order).body())
                        .append(" events ").append(eventTypes(order.orderId()));
                }
            }
            throw new AssertionError((placed.size() - outcomes.size()) + " orders never settled:" + open, timeout);
        }
        return outcomes;
    }

    private Answer orderView(Placed order) {
        return Http.get(stack.query().resolve("/api/orders/" + order.orderId()), Tokens.client(order.wallet()));
    }

    /** The types of the events whose payload names {@code orderId}, in order, from the event store. */
    private List<String> eventTypes(String orderId) {
        try {
            return Events.all(stack.query()).stream()
                         .filter(event -> event.path("payload").toString().contains(orderId))
                         .map(Events::simpleType).toList();
        } catch (RuntimeException | AssertionError e) {
            return List.of(e.toString());
        }
    }

    private Map<String, Long> placedEventsPerOrder(List<String> orderIds) {
        Set<String> orders = Set.copyOf(orderIds);
        return Events.ofType(stack.query(), "dev.jangteo.api.order.OrderPlacedEvent").stream()
                     .map(event -> event.path("aggregateId").asText()).filter(orders::contains)
                     .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /**
     * Keys still in flight whose command did not take effect. A key whose answer could not be stored (the database
     * refused a connection just then) stays in flight with its effect recorded: a retry answers from that.
     */
    private long keysInFlightWithoutEffect() throws SQLException {
        try (Connection connection = stack.get().connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM command_side.idempotency_key"
                             + " WHERE response_status IS NULL AND NOT effect_recorded")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private JsonNode auditState(String aggregateId) {
        return Shop.get(stack.query(), "/api/audit/aggregates/" + aggregateId + "/state").path("state");
    }
}
