package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query sides on one database share the work: every processing group's two segments are split between them
 * (one each, Axon's token claims), and the sealer of each extends the one seal chain. When one is killed
 * ({@code kill -9}) while orders keep coming, the other claims its segments once their claims time out, within a
 * bounded time, and afterwards every projection is exact: balances, stock, order statuses, sales, rankings, chat
 * history and the search index.
 */
class TwoQueryInstancesIT {

    private static final long PRICE = 100;
    private static final int WALLETS = 6;
    private static final long FUNDS = 8 * PRICE;   // each wallet places 10 orders: money runs short
    private static final int STOCK = 20;           // 30 orders for each of two products: stock runs short too
    private static final Duration TAKEOVER = Duration.ofSeconds(60);

    @RegisterExtension
    static final StackExtension stack = new StackExtension("twoquery", 1);

    @Test
    void canShareTheSegmentsAndTakeOverAKilledInstanceWithEveryProjectionExact() throws Exception {
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            wallets.add(Shop.unique("shared-wallet"));
            Shop.openAccount(stack.command(), wallets.getLast(), FUNDS);
        }
        List<String> products = List.of(Shop.product(stack.command(), PRICE, STOCK),
                                        Shop.product(stack.command(), PRICE, STOCK));
        String owner = Shop.unique("talker");
        String roomId = Chat.createRoom(stack.command(), owner, null);
        List<String> messages = new ArrayList<>();
        List<Placed> placed = new ArrayList<>(placeOrders(wallets, products, 2, () -> { }));
        say(roomId, owner, messages, 5);

        // Alone, the first query side holds every segment and seals every event.
        URI first = stack.query(0);
        awaitOwners(first, Map.of(0, 2));
        JsonNode sealedAlone = awaitSealedToHead(first);

        stack.get().startQuerySide(1);
        URI second = stack.query(1);
        awaitOwners(second, Map.of(0, 1, 1, 1));
        placed.addAll(placeOrders(wallets, products, 4, () -> { }));
        say(roomId, owner, messages, 5);
        JsonNode sealedByBoth = awaitSealedToHead(second);
        assertThat(sealedByBoth.path("sealedPosition").asLong()).isGreaterThan(
                sealedAlone.path("sealedPosition").asLong());
        assertVerified(first);

        // kill -9 of the first one while orders keep coming: the second takes over its segments.
        AtomicInteger killedAfter = new AtomicInteger(-1);
        placed.addAll(placeOrders(wallets, products, 4, () -> {
            stack.get().killQuerySide(0);
            killedAfter.set(1);
        }));
        say(roomId, owner, messages, 5);
        assertThat(killedAfter.get()).isEqualTo(1);
        awaitOwners(second, Map.of(1, 2));

        assertBooksBalance(second, wallets, products, placed);
        Chat.awaitHistory(second, roomId, messages.size());
        Chat.awaitIndexEqualsHistory(stack.get());
        assertThat(Chat.found(second, owner, "marathon")).containsExactlyInAnyOrderElementsOf(messages);
        JsonNode sealedAtEnd = awaitSealedToHead(second);
        assertThat(sealedAtEnd.path("sealedPosition").asLong()).isGreaterThan(
                sealedByBoth.path("sealedPosition").asLong());
        JsonNode verified = assertVerified(second);
        assertThat(verified.path("from").asLong()).isEqualTo(Stack.firstPosition());
        assertThat(verified.path("lastPosition").asLong()).isGreaterThanOrEqualTo(
                sealedAtEnd.path("sealedPosition").asLong());
    }

    private record Placed(String orderId, String wallet, String product) {
    }

    /**
     * Every wallet places {@code perWallet} orders of one unit, one after another, all wallets at once; {@code midway}
     * runs once a third of them were accepted, while the wallets go on.
     */
    private static List<Placed> placeOrders(List<String> wallets, List<String> products, int perWallet,
                                            Runnable midway) throws InterruptedException {
        AtomicInteger accepted = new AtomicInteger();
        int trigger = wallets.size() * perWallet / 3;
        Thread interrupter = Thread.ofVirtual().start(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= trigger);
            midway.run();
        });
        List<List<Placed>> placed = Shop.allAtOnce(wallets.size(), client -> {
            List<Placed> orders = new ArrayList<>();
            for (int n = 0; n < perWallet; n++) {
                String product = products.get((client + n) % products.size());
                String wallet = wallets.get(client);
                orders.add(new Placed(Shop.order(stack.command(), wallet, product, 1, null), wallet, product));
                accepted.incrementAndGet();
            }
            return orders;
        });
        interrupter.join();
        return placed.stream().flatMap(List::stream).toList();
    }

    private static void say(String roomId, String sender, List<String> messages, int count) {
        for (int i = 0; i < count; i++) {
            messages.add(Chat.say(stack.command(), roomId, sender, "I ran marathon number " + messages.size()));
        }
    }

    /**
     * Waits until every segment of every processing group is claimed, and instance i (of the stack) holds exactly
     * {@code segmentsByInstance.get(i)} segments of each group; two segments per group.
     */
    private static void awaitOwners(URI query, Map<Integer, Integer> segmentsByInstance) {
        Map<String, Integer> expected = new TreeMap<>();
        segmentsByInstance.forEach((instance, segments) -> expected.put(owner(instance), segments));
        await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (JsonNode processor : Operators.processors(query)) {
                Map<String, Integer> held = new TreeMap<>();
                for (JsonNode segment : processor.get("segments")) {
                    held.merge(segment.path("owner").asText("unclaimed").replaceFirst("@.*", ""), 1, Integer::sum);
                }
                assertThat(held).as("claims of %s", processor.get("name").asText()).isEqualTo(expected);
            }
        });
    }

    /** The token store names an owner {@code <pid>@<host>}; this is the pid of query side {@code instance}. */
    private static String owner(int instance) {
        return Long.toString(stack.get().querySidePid(instance));
    }

    private static JsonNode awaitSealedToHead(URI query) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode seal = Shop.get(query, "/api/audit/seal");
            return seal.path("behind").asLong() == 0 && seal.path("sealedPosition").asLong() > 0;
        });
        return Shop.get(query, "/api/audit/seal");
    }

    private static JsonNode assertVerified(URI query) {
        JsonNode verified = Shop.get(query, "/api/audit/verify");
        assertThat(verified.path("verified").asBoolean()).as("the seal chain verifies: %s", verified).isTrue();
        return verified;
    }

    /**
     * Every order settled; each wallet's balance is its funds minus its PAID orders, in the read model and in the
     * audit state; each product's stock, daily sales and ranking agree with its PAID orders.
     */
    private static void assertBooksBalance(URI query, List<String> wallets, List<String> products,
                                           List<Placed> placed) {
        Map<String, Long> paidPerWallet = new HashMap<>();
        Map<String, Integer> paidPerProduct = new HashMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        for (Placed order : placed) {
            JsonNode outcome = Shop.awaitOutcome(query, order.orderId());
            String status = outcome.path("status").asText();
            statuses.merge(status + "/" + outcome.path("reason").asText(""), 1L, Long::sum);
            if (status.equals("PAID")) {
                paidPerWallet.merge(order.wallet(), 1L, Long::sum);
                paidPerProduct.merge(order.product(), 1, Integer::sum);
            }
        }
        assertThat(statuses.keySet()).as("outcomes %s", statuses)
                                     .isSubsetOf(Set.of("PAID/", "REJECTED/INSUFFICIENT_FUNDS",
                                                        "REJECTED/OUT_OF_STOCK"))
                                     .contains("PAID/");
        for (String wallet : wallets) {
            long balance = FUNDS - PRICE * paidPerWallet.getOrDefault(wallet, 0L);
            assertThat(balance).isNotNegative();
            Shop.awaitBalance(query, wallet, balance);
            assertThat(Shop.get(query, "/api/audit/aggregates/" + wallet + "/state").path("state").path("balance")
                           .asLong()).as("audit balance of %s", wallet).isEqualTo(balance);
        }
        for (String product : products) {
            int sold = paidPerProduct.getOrDefault(product, 0);
            assertThat(sold).isLessThanOrEqualTo(STOCK);
            Shop.awaitStock(query, product, STOCK - sold);
            Shop.awaitSold(query, product, sold);
        }
    }
}
