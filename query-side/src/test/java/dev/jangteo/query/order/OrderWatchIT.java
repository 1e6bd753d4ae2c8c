package dev.jangteo.query.order;

import dev.jangteo.query.consistency.ProjectionWatch;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.OrderEvents;
import dev.jangteo.query.support.QueryApi;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.jangteo.query.support.OrderEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A long poll on an order ({@code GET /api/orders/{id}?wait=N}) is answered by this instance's own commit, not by
 * reading again on a timer: both rechecks are set far beyond the wait, so only the wake can show the payment.
 */
@TestPropertySource(properties = {"jangteo.consistency.watch-recheck=1h",
                                  "jangteo.consistency.watch-recheck-own-segment=59m"})
class OrderWatchIT extends QuerySideStack {

    private static final Instant PLACED = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    private ProjectionWatch watch;

    @Test
    void canAnswerAWaitingReadWhenItsOrderIsPaid() throws Exception {
        OrderEvents order = OrderEvents.of(Ids.of("user"), line("kimchi", 2, 9_000));
        long placed = history.append(OrderEvents.AGGREGATE, order.orderId(), order.placed(PLACED));
        QueryApi buyer = http.as(order.userId());
        assertThat(buyer.get("/api/orders/" + order.orderId(), placed).body().path("status").asText())
                .isEqualTo("PENDING");

        CompletableFuture<Answer> waiting =
                CompletableFuture.supplyAsync(() -> buyer.get("/api/orders/" + order.orderId() + "?wait=30"));
        await().atMost(Duration.ofSeconds(10)).until(() -> watch.waiting() == 1);
        history.append(OrderEvents.AGGREGATE, order.orderId(), order.paid(PLACED.plusSeconds(1)));

        // Half the wait: an answer by then cannot be the read that ends the wait at its bound.
        Answer answer = waiting.get(15, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("status").asText()).isEqualTo("PAID");
        assertThat(watch.waiting()).isZero();
    }

    @Test
    void canTellThatThisInstanceProcessesEveryOrder() {
        // Alone, this instance claims both segments of the orders group: its commits wake every waiting read, so
        // it rechecks at the own-segment interval, whichever segment an order falls in.
        await().atMost(Duration.ofSeconds(30))
               .until(() -> IntStream.range(0, 20).allMatch(
                       i -> watch.recheckAfter(OrderProjection.GROUP, Ids.of("order"))
                                 .equals(Duration.ofMinutes(59))));
    }
}
