package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.jangteo.system.CouponRace.Claim;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side instances on one event store, each with its own cached copy of the coupon, the wallet or the
 * product: optimistic concurrency on the event table rejects the loser of each race, which retries on fresh state.
 * Nothing is issued twice or beyond the quantity, no balance and no stock ever goes below zero, every request is
 * answered (no 5xx) and every order settles as paid or refused, never timed out by a lost race.
 */
class TwoCommandInstancesIT {

    private static final String COUPON_RACES = "jangteo.coupon.issue.lost.races";
    private static final String COMMAND_RACES = "jangteo.command.lost.races";

    @RegisterExtension
    static final StackExtension stack = new StackExtension("two", 2);

    @Test
    void canIssueExactlyFiftyToTwoHundredClientsSpreadOverTwoInstances() throws Exception {
        String couponId = CouponRace.define(stack.command(0), 50);

        List<Claim> claims = CouponRace.race(stack.commands(), couponId, CouponRace.users("pair", 200));

        CouponRaceIT.assertExactlyFiftyWon(claims);
        assertThat(CouponRace.issuedEvents(stack.get(), couponId)).hasSize(50);
        CouponRace.awaitProjected(stack.query(), couponId, 50);
    }

    @Test
    void canKeepPlacesContiguousWhenBothInstancesWriteMostOfTheTime() throws Exception {
        String couponId = CouponRace.define(stack.command(1), 300);

        List<Claim> claims = CouponRace.race(stack.commands(), couponId, CouponRace.users("busy", 400));

        List<Claim> won = claims.stream().filter(claim -> claim.status() == 201).toList();
        assertThat(won).extracting(Claim::sequence)
                       .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
        assertThat(claims).filteredOn(claim -> claim.status() != 201)
                          .allMatch(claim -> "COUPON_SOLD_OUT".equals(claim.code()));
        List<JsonNode> events = CouponRace.issuedEvents(stack.get(), couponId);
        assertThat(events).hasSize(300);
        assertThat(events).extracting(event -> event.get("userId").asText()).doesNotHaveDuplicates();
        assertThat(events).extracting(event -> event.get("sequence").asLong())
                          .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
    }

    @Test
    void canRecoverFromAStaleCachedCouponWhenInstancesTakeTurns() {
        String couponId = CouponRace.define(stack.command(0), 10);
        double lostBefore = lostRaces(COUPON_RACES);

        for (int i = 1; i <= 10; i++) {
            Answer claim = CouponRace.claim(stack.command(i % 2), couponId, "turn-" + i);
            assertThat(claim.status()).isEqualTo(201);
            assertThat(claim.body().get("sequence").asLong()).isEqualTo(i);
        }

        // From the third claim on, each instance's cached coupon is one write behind: the store refuses the
        // stale append and the claim is decided again on fresh state. Through Axon Server every claim goes to the
        // coupon's one instance, whose cached copy is never stale: there is no race to lose, only the answers above.
        if (!Stack.commandsAreRouted()) {
            assertThat(lostRaces(COUPON_RACES) - lostBefore).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void canKeepAWalletExactWhileBothInstancesTakeItsDepositsAndOrdersAtOnce() throws Exception {
        String productId = Shop.product(stack.command(0), 1_000, 1_000);
        String user = Shop.unique("shared-wallet");
        Shop.openAccount(stack.command(1), user, 10_000);
        double lostBefore = lostRaces(COMMAND_RACES);

        // 100 orders and 50 deposits of one order's price, each to either instance, all at once.
        List<Sent> answers = Shop.allAtOnce(150, client -> client % 3 == 2
                ? new Sent("deposit", Http.post(stack.command(client % 2).resolve(
                        "/api/accounts/" + user + "/deposits"), Map.of("amount", 1_000)))
                : new Sent("order", Shop.placeOrder(stack.command(client % 2), user, Map.of(productId, 1), null)));

        assertThat(answered(answers, "deposit", 200)).hasSize(50);
        List<String> orders = answered(answers, "order", 202).stream()
                                                             .map(order -> order.get("orderId").asText()).toList();
        assertThat(orders).hasSize(100);
        Map<String, Long> outcomes = outcomes(orders);
        assertThat(outcomes.keySet()).isSubsetOf(Set.of("PAID/", "REJECTED/INSUFFICIENT_FUNDS"));
        long paid = outcomes.getOrDefault("PAID/", 0L);
        long balance = 10_000 + 50 * 1_000 - paid * 1_000;
        assertThat(balance).isNotNegative();
        Shop.awaitBalance(stack.query(), user, balance);
        assertThat(OrderConcurrencyIT.balancesInEvents(stack.get(), user)).as("balance after each event")
                                                                           .allMatch(each -> each >= 0)
                                                                           .last().isEqualTo(balance);
        Shop.awaitStock(stack.query(), productId, 1_000 - (int) paid);
        // Each instance keeps the wallet cached: the other's writes make it stale, and those commands were retried.
        // Not through Axon Server, which routes all of the wallet's commands to one instance (as for the coupon).
        if (!Stack.commandsAreRouted()) {
            assertThat(lostRaces(COMMAND_RACES) - lostBefore).as("commands retried after a lost race").isPositive();
        }
    }

    @Test
    void canKeepAProductExactWhileBothInstancesTakeItsRestocksAndOrdersAtOnce() throws Exception {
        String productId = Shop.product(stack.command(1), 1_000, 30);
        List<String> buyers = IntStream.range(0, 100).mapToObj(i -> Shop.unique("shared-buyer")).toList();
        for (int i = 0; i < buyers.size(); i++) {
            Shop.openAccount(stack.command(i % 2), buyers.get(i), 10_000);
        }

        // 100 buyers of one unit and 20 restocks of one unit, each to either instance, all at once.
        List<Sent> answers = Shop.allAtOnce(120, client -> client < 100
                ? new Sent("order", Shop.placeOrder(stack.command(client % 2), buyers.get(client),
                                                    Map.of(productId, 1), null))
                : new Sent("restock", Http.post(stack.command(client % 2).resolve(
                        "/api/products/" + productId + "/restocks"), Map.of("quantity", 1))));

        assertThat(answered(answers, "restock", 200)).hasSize(20);
        List<String> orders = answered(answers, "order", 202).stream()
                                                             .map(order -> order.get("orderId").asText()).toList();
        Map<String, Long> outcomes = outcomes(orders);
        assertThat(outcomes.keySet()).isSubsetOf(Set.of("PAID/", "REJECTED/OUT_OF_STOCK"));
        int sold = outcomes.getOrDefault("PAID/", 0L).intValue();
        assertThat(sold).isBetween(30, 50);
        Shop.awaitStock(stack.query(), productId, 50 - sold);
        assertThat(OrderConcurrencyIT.stockInEvents(stack.get(), productId)).as("stock after each event")
                                                                            .allMatch(each -> each >= 0)
                                                                            .last().isEqualTo(50L - sold);
    }

    /** What one client sent ({@code order}, {@code deposit}...) and was answered. */
    private record Sent(String kind, Answer response) {
    }

    /** The bodies of the answers of one kind, each of which must have the status {@code status}. */
    private static List<JsonNode> answered(List<Sent> answers, String kind, int status) {
        List<Answer> ofKind = answers.stream().filter(answer -> answer.kind().equals(kind))
                                     .map(Sent::response).toList();
        assertThat(ofKind).allSatisfy(response -> assertThat(response.status()).as("%s: %s", kind, response.body())
                                                                             .isEqualTo(status));
        return ofKind.stream().map(Answer::body).toList();
    }

    /** How many of the orders ended in each status/reason. */
    private static Map<String, Long> outcomes(List<String> orders) {
        return orders.stream()
                     .map(orderId -> Shop.awaitOutcome(stack.query(), orderId))
                     .collect(Collectors.groupingBy(order -> order.get("status").asText() + "/"
                             + order.path("reason").asText(""), Collectors.counting()));
    }

    /** The counter {@code metric} summed over both instances (0 where nothing was counted yet). */
    private static double lostRaces(String metric) {
        double sum = 0;
        for (URI command : stack.commands()) {
            sum += Http.get(command.resolve("/actuator/metrics/" + metric)).body().path("measurements").path(0)
                       .path("value").asDouble();
        }
        return sum;
    }
}
