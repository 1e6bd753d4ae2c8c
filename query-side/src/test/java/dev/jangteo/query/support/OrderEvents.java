package dev.jangteo.query.support;

import dev.jangteo.api.Money;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.PricedLine;

import java.time.Instant;
import java.util.List;

/** Order events as the order aggregate writes them: one order of priced lines, with or without a discount. */
public record OrderEvents(String orderId, String userId, List<PricedLine> lines, String couponId, long discount) {

    public static final String AGGREGATE = "Order";

    public static OrderEvents of(String userId, PricedLine... lines) {
        return new OrderEvents(Ids.of("order"), userId, List.of(lines), null, 0);
    }

    public static PricedLine line(String productId, int quantity, long unitPrice) {
        return new PricedLine(productId, quantity, Money.won(unitPrice));
    }

    public OrderEvents withCoupon(String couponId, long discount) {
        return new OrderEvents(orderId, userId, lines, couponId, discount);
    }

    public OrderPlacedEvent placed(Instant at) {
        return new OrderPlacedEvent(orderId, userId,
                                    lines.stream().map(l -> new OrderLine(l.productId(), l.quantity())).toList(),
                                    couponId, at);
    }

    public OrderPaidEvent paid(Instant at) {
        return new OrderPaidEvent(orderId, userId, lines, couponId, subtotal(), Money.won(discount),
                                  subtotal().minus(Money.won(discount)), at);
    }

    public OrderCancellationRequestedEvent cancellationRequested(Instant at) {
        return new OrderCancellationRequestedEvent(orderId, userId, lines, couponId, at);
    }

    public OrderCancelledEvent cancelled(Instant paidAt, Instant at) {
        return new OrderCancelledEvent(orderId, userId, lines, couponId, subtotal(), Money.won(discount),
                                       subtotal().minus(Money.won(discount)), paidAt, at);
    }

    private Money subtotal() {
        return lines.stream().map(PricedLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
