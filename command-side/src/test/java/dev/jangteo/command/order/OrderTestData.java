package dev.jangteo.command.order;

import dev.jangteo.api.Money;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.PricedLine;

import java.time.Instant;
import java.util.List;

/** Test data shared by the order aggregate and saga tests: one user, two products, an optional coupon. */
final class OrderTestData {

    static final String ORDER = "order-1";
    static final String USER = "alice";
    static final String KIMCHI = "kimchi";
    static final String RICE = "rice";
    static final String COUPON = "coupon-1";
    static final Instant PLACED_AT = Instant.parse("2026-11-21T10:00:00Z");
    static final List<OrderLine> LINES = List.of(new OrderLine(KIMCHI, 2), new OrderLine(RICE, 1));
    static final List<PricedLine> PRICED = List.of(new PricedLine(KIMCHI, 2, Money.won(12_000)),
                                                   new PricedLine(RICE, 1, Money.won(30_000)));

    private OrderTestData() {
    }

    static OrderPlacedEvent placed(String couponId) {
        return new OrderPlacedEvent(ORDER, USER, LINES, couponId, PLACED_AT);
    }

    static OrderPaidEvent paid(String couponId, long discount) {
        return new OrderPaidEvent(ORDER, USER, PRICED, couponId, Money.won(54_000), Money.won(discount),
                                  Money.won(54_000 - discount), PLACED_AT);
    }
}
