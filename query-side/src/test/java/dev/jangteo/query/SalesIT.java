package dev.jangteo.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.Money;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.OrderEvents;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.jangteo.query.support.OrderEvents.line;
import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Exact daily sales per product in Asia/Seoul, net of cancellations, replayable from the events alone. */
class SalesIT extends QuerySideStack {

    private static final Instant LATE_ON_THE_20TH_IN_SEOUL = Instant.parse("2026-11-20T14:59:59Z");
    private static final Instant EARLY_ON_THE_21ST_IN_SEOUL = Instant.parse("2026-11-20T15:30:00Z");
    private static final String NOV_19_TO_22 = "?from=2026-11-19&to=2026-11-22";

    @Test
    void canCountEachSaleOnTheSeoulDayItWasPaid() {
        String product = registeredProduct();
        OrderEvents before = OrderEvents.of(Ids.of("user"), line(product, 2, 1_000));
        OrderEvents after = OrderEvents.of(Ids.of("user"), line(product, 3, 1_000), line(registeredProduct(), 1, 50))
                             .withCoupon("c", 500);
        pay(before, LATE_ON_THE_20TH_IN_SEOUL);
        long position = pay(after, EARLY_ON_THE_21ST_IN_SEOUL);

        JsonNode sales = sales(product, NOV_19_TO_22, position);

        assertThat(sales.path("timeZone").asText()).isEqualTo("Asia/Seoul");
        assertThat(sales.path("from").asText()).isEqualTo("2026-11-19");
        assertThat(sales.path("to").asText()).isEqualTo("2026-11-22");
        assertThat(days(sales)).containsExactly("2026-11-19 0 0", "2026-11-20 2 2000", "2026-11-21 3 3000",
                                                "2026-11-22 0 0");
        assertThat(sales.path("totalQuantity").asLong()).isEqualTo(5);
        assertThat(sales.path("totalRevenue").asLong()).isEqualTo(5_000);
    }

    @Test
    void canSubtractACancellationFromTheDayItWasPaid() {
        String product = registeredProduct();
        OrderEvents kept = OrderEvents.of(Ids.of("user"), line(product, 1, 700));
        OrderEvents undone = OrderEvents.of(Ids.of("user"), line(product, 4, 700));
        pay(kept, EARLY_ON_THE_21ST_IN_SEOUL);
        pay(undone, EARLY_ON_THE_21ST_IN_SEOUL.plusSeconds(60));
        long position = history.append(OrderEvents.AGGREGATE, undone.orderId(),
                                       undone.cancellationRequested(Instant.parse("2026-11-22T01:00:00Z")),
                                       undone.cancelled(EARLY_ON_THE_21ST_IN_SEOUL.plusSeconds(60),
                                                        Instant.parse("2026-11-22T01:00:05Z")));

        JsonNode sales = sales(product, NOV_19_TO_22, position);

        assertThat(days(sales)).containsExactly("2026-11-19 0 0", "2026-11-20 0 0", "2026-11-21 1 700",
                                                "2026-11-22 0 0");
        assertThat(sales.path("totalRevenue").asLong()).isEqualTo(700);
    }

    @Test
    void canRebuildTheSameSalesFromTheEventsAlone() {
        String product = registeredProduct();
        for (int i = 0; i < 12; i++) {
            OrderEvents order = OrderEvents.of(Ids.of("user"), line(product, i % 3 + 1, 1_000 + i));
            pay(order, EARLY_ON_THE_21ST_IN_SEOUL.plusSeconds(3_600L * 6 * i));
            if (i % 4 == 0) {
                history.append(OrderEvents.AGGREGATE, order.orderId(),
                               order.cancelled(EARLY_ON_THE_21ST_IN_SEOUL.plusSeconds(3_600L * 6 * i),
                                               Instant.parse("2026-11-25T00:00:00Z")));
            }
        }
        long position = history.lastPosition();
        JsonNode before = sales(product, "?from=2026-11-20&to=2026-11-25", position);

        replay("sales");

        assertThat(sales(product, "?from=2026-11-20&to=2026-11-25", position)).isEqualTo(before);
        assertThat(before.path("totalQuantity").asLong()).isPositive();
    }

    @Test
    void canDefaultToTheLast30DaysInSeoul() {
        String product = registeredProduct();

        JsonNode sales = sales(product, "", history.lastPosition());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        assertThat(sales.path("to").asText()).isIn(today.toString(), today.minusDays(1).toString());
        assertThat(sales.path("days")).hasSize(30);
        assertThat(sales.path("totalQuantity").asLong()).isZero();
    }

    @Test
    void cannotAskForABadRange() {
        String product = registeredProduct();
        for (String range : List.of("?from=2026-11-22&to=2026-11-21", "?from=2025-01-01&to=2026-01-02",
                                    "?from=yesterday", "?to=2026-13-01",
                                    "?from=%2B10000-01-01&to=%2B10000-01-02")) {
            Answer refused = http.get("/api/stats/products/" + product + "/sales" + range);

            assertProblem(refused, 400, "VALIDATION_FAILED", range);
        }
    }

    @Test
    void canAskForAFullLeapYearOf366Days() {
        JsonNode year = sales(registeredProduct(), "?from=2028-01-01&to=2028-12-31", history.lastPosition());

        assertThat(year.path("days")).hasSize(366);
    }

    @Test
    void cannotFindSalesOfAnUnknownProduct() {
        Answer missing = http.get("/api/stats/products/nothing/sales");

        assertProblem(missing, 404, "PRODUCT_NOT_FOUND");
    }

    private String registeredProduct() {
        String product = Ids.of("product");
        history.append("Product", product,
                       new ProductRegisteredEvent(product, "Kimchi", "food", Money.won(1_000), 100));
        return product;
    }

    private long pay(OrderEvents order, Instant paidAt) {
        return history.append(OrderEvents.AGGREGATE, order.orderId(), order.placed(paidAt.minusSeconds(1)),
                              order.paid(paidAt));
    }

    private JsonNode sales(String product, String range, long position) {
        Answer response = http.get("/api/stats/products/" + product + "/sales" + range, position);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Consistency")).isEqualTo("CONSISTENT");
        return response.body();
    }

    private static List<String> days(JsonNode sales) {
        return sales.path("days").valueStream()
                    .map(day -> day.path("date").asText() + " " + day.path("quantity").asLong() + " "
                            + day.path("revenue").asLong())
                    .toList();
    }
}
