package dev.jangteo.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.RejectionReason;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.OrderEvents;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static dev.jangteo.query.support.OrderEvents.line;
import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An order's life as its user reads it, and a user's orders newest first. */
class OrderIT extends QuerySideStack {

    private static final Instant PLACED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void canFollowAnOrderFromPlacedToPaidToCancelled() {
        OrderEvents order = OrderEvents.of(Ids.of("user"), line("kimchi", 2, 9_000), line("rice", 1, 4_500))
                             .withCoupon("welcome", 1_000);

        JsonNode placed = read(order, history.append(OrderEvents.AGGREGATE, order.orderId(), order.placed(PLACED)));
        assertThat(placed.path("status").asText()).isEqualTo("PENDING");
        assertThat(placed.path("lines").findValuesAsText("productId")).containsExactly("kimchi", "rice");
        assertThat(placed.path("lines").get(0).has("unitPrice")).isFalse();
        assertThat(placed.has("total")).isFalse();
        assertThat(placed.has("paidAt")).isFalse();
        assertThat(placed.path("couponId").asText()).isEqualTo("welcome");

        JsonNode paid = read(order, history.append(OrderEvents.AGGREGATE, order.orderId(),
                                                   order.paid(PLACED.plusSeconds(1))));
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("lines").get(0).path("unitPrice").asLong()).isEqualTo(9_000);
        assertThat(paid.path("lines").get(0).path("amount").asLong()).isEqualTo(18_000);
        assertThat(paid.path("lines").get(1).path("amount").asLong()).isEqualTo(4_500);
        assertThat(paid.path("subtotal").asLong()).isEqualTo(22_500);
        assertThat(paid.path("discount").asLong()).isEqualTo(1_000);
        assertThat(paid.path("total").asLong()).isEqualTo(21_500);
        assertThat(Instant.parse(paid.path("paidAt").asText())).isEqualTo(PLACED.plusSeconds(1));

        JsonNode cancelling = read(order, history.append(OrderEvents.AGGREGATE, order.orderId(),
                                                         order.cancellationRequested(PLACED.plusSeconds(60))));
        assertThat(cancelling.path("status").asText()).isEqualTo("CANCELLING");

        JsonNode cancelled = read(order, history.append(OrderEvents.AGGREGATE, order.orderId(),
                                                        order.cancelled(PLACED.plusSeconds(1),
                                                                        PLACED.plusSeconds(61))));
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(Instant.parse(cancelled.path("cancelledAt").asText())).isEqualTo(PLACED.plusSeconds(61));
        assertThat(cancelled.path("total").asLong()).isEqualTo(21_500);
        assertThat(cancelled.has("reason")).isFalse();
    }

    @Test
    void canShowWhyAnOrderWasRejected() {
        OrderEvents order = OrderEvents.of(Ids.of("user"), line("kimchi", 2, 9_000));
        long position = history.append(OrderEvents.AGGREGATE, order.orderId(), order.placed(PLACED),
                                       new OrderStepFailedEvent(order.orderId(), RejectionReason.OUT_OF_STOCK),
                                       new OrderRejectedEvent(order.orderId(), order.userId(),
                                                              RejectionReason.OUT_OF_STOCK, PLACED.plusSeconds(2)));

        JsonNode rejected = read(order, position);

        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(Instant.parse(rejected.path("rejectedAt").asText())).isEqualTo(PLACED.plusSeconds(2));
        assertThat(rejected.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(rejected.has("paidAt")).isFalse();
    }

    @Test
    void canPageAUsersOrdersNewestFirst() {
        String user = Ids.of("user");
        OrderEvents oldest = OrderEvents.of(user, line("a", 1, 100));
        OrderEvents middle = OrderEvents.of(user, line("b", 1, 100));
        OrderEvents twin = OrderEvents.of(user, line("c", 1, 100));
        OrderEvents newest = OrderEvents.of(user, line("d", 1, 100));
        history.append(OrderEvents.AGGREGATE, oldest.orderId(), oldest.placed(PLACED));
        history.append(OrderEvents.AGGREGATE, middle.orderId(), middle.placed(PLACED.plusSeconds(5)));
        history.append(OrderEvents.AGGREGATE, twin.orderId(), twin.placed(PLACED.plusSeconds(5)));
        long position = history.append(OrderEvents.AGGREGATE, newest.orderId(), newest.placed(PLACED.plusSeconds(9)));
        OrderEvents stranger = OrderEvents.of(Ids.of("user"), line("e", 1, 100));
        history.append(OrderEvents.AGGREGATE, stranger.orderId(), stranger.placed(PLACED.plusSeconds(10)));
        List<String> sameSecond = middle.orderId().compareTo(twin.orderId()) > 0
                                  ? List.of(middle.orderId(), twin.orderId())
                                  : List.of(twin.orderId(), middle.orderId());

        Answer first = http.get("/api/users/" + user + "/orders?page=0&size=3", position);
        Answer second = http.get("/api/users/" + user + "/orders?page=1&size=3");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("items").findValuesAsText("orderId"))
                .containsExactly(newest.orderId(), sameSecond.get(0), sameSecond.get(1));
        assertThat(first.body().path("items").get(0).path("lines").get(0).path("productId").asText())
                .isEqualTo("d");
        assertThat(first.body().path("total").asLong()).isEqualTo(4);
        assertThat(second.body().path("items").findValuesAsText("orderId")).containsExactly(oldest.orderId());
    }

    @Test
    void canRebuildTheSameOrdersFromTheEventsAlone() {
        String user = Ids.of("user");
        OrderEvents paid = OrderEvents.of(user, line("a", 2, 300), line("b", 1, 50)).withCoupon("c", 100);
        OrderEvents rejected = OrderEvents.of(user, line("c", 1, 100));
        OrderEvents cancelled = OrderEvents.of(user, line("d", 3, 10));
        history.append(OrderEvents.AGGREGATE, paid.orderId(), paid.placed(PLACED), paid.paid(PLACED.plusSeconds(1)));
        history.append(OrderEvents.AGGREGATE, rejected.orderId(), rejected.placed(PLACED.plusSeconds(2)),
                       new OrderRejectedEvent(rejected.orderId(), user, RejectionReason.INSUFFICIENT_FUNDS,
                                              PLACED.plusSeconds(3)));
        long position = history.append(OrderEvents.AGGREGATE, cancelled.orderId(), cancelled.placed(PLACED.plusSeconds(4)),
                                       cancelled.paid(PLACED.plusSeconds(5)),
                                       cancelled.cancellationRequested(PLACED.plusSeconds(6)),
                                       cancelled.cancelled(PLACED.plusSeconds(5), PLACED.plusSeconds(7)));
        JsonNode before = http.get("/api/users/" + user + "/orders", position).body();

        replay("orders");

        assertThat(http.get("/api/users/" + user + "/orders", position).body()).isEqualTo(before);
        assertThat(before.path("items").findValuesAsText("status")).containsExactly("CANCELLED", "REJECTED", "PAID");
    }

    /** The lines shown after a payment are the payment's, as priced: a line it does not hold is gone. */
    @Test
    void canShowExactlyTheLinesAPaymentPriced() {
        OrderEvents placed = OrderEvents.of(Ids.of("user"), line("tea", 1, 3_000), line("cup", 2, 1_000), line("pot", 1, 9_000));
        OrderEvents paid = new OrderEvents(placed.orderId(), placed.userId(), List.of(line("cup", 2, 1_200), line("tea", 1, 2_900)),
                                 null, 0);
        history.append(OrderEvents.AGGREGATE, placed.orderId(), placed.placed(PLACED));

        JsonNode order = read(placed, history.append(OrderEvents.AGGREGATE, placed.orderId(),
                                                     paid.paid(PLACED.plusSeconds(1))));

        assertThat(order.path("lines").findValuesAsText("productId")).containsExactly("cup", "tea");
        assertThat(order.path("lines").findValuesAsText("unitPrice")).containsExactly("1200", "2900");
        assertThat(order.path("total").asLong()).isEqualTo(5_300);
    }

    /**
     * A payment of an order the projection never saw is a fault (a lost or reordered event), not a row to make up:
     * it goes to the dead-letter queue, the order stays unknown, and the orders after it are projected as usual.
     */
    @Test
    void cannotPayAnOrderThatWasNeverPlaced() {
        OrderEvents ghost = OrderEvents.of(Ids.of("user"), line("a", 1, 100));
        OrderEvents next = OrderEvents.of(Ids.of("user"), line("b", 1, 200));
        history.append(OrderEvents.AGGREGATE, ghost.orderId(), ghost.paid(PLACED));

        JsonNode placed = read(next, history.append(OrderEvents.AGGREGATE, next.orderId(), next.placed(PLACED)));

        assertThat(placed.path("status").asText()).isEqualTo("PENDING");
        assertProblem(http.get("/api/orders/" + ghost.orderId()), 404, "ORDER_NOT_FOUND");
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(ghost.orderId()), Objects::nonNull);
        assertThat(letter.path("payloadType").asText()).endsWith("OrderPaidEvent");
        assertThat(letter.path("causeMessage").asText()).contains(ghost.orderId());
        // Leave the stack's queue as it was for the other tests.
        assertThat(http.delete("/api/admin/dead-letters/orders/" + letter.path("id").asText()).status()).isEqualTo(200);
    }

    private JsonNode deadLetter(String orderId) {
        for (JsonNode queue : http.get("/api/admin/dead-letters").body().path("groups")) {
            if (queue.path("group").asText().equals("orders")) {
                for (JsonNode sequence : queue.path("deadLetters")) {
                    for (JsonNode letter : sequence.path("letters")) {
                        if (letter.path("aggregateId").asText().equals(orderId)) {
                            return letter;
                        }
                    }
                }
            }
        }
        return null;
    }

    @Test
    void cannotFindAnUnknownOrder() {
        Answer missing = http.get("/api/orders/nothing");

        assertProblem(missing, 404, "ORDER_NOT_FOUND");
    }

    @Test
    void cannotPageAUsersOrdersOutsideTheLimits() {
        Answer refused = http.get("/api/users/someone/orders?size=500");

        assertProblem(refused, 400, "VALIDATION_FAILED");
    }

    private JsonNode read(OrderEvents order, long position) {
        Answer response = http.as(order.userId()).get("/api/orders/" + order.orderId(), position);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Consistency")).isEqualTo("CONSISTENT");
        return response.body();
    }
}
