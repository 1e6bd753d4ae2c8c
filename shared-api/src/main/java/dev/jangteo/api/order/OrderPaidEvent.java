package dev.jangteo.api.order;

import dev.jangteo.api.Money;

import java.time.Instant;
import java.util.List;

/**
 * The payment completed: what was bought at which unit price, the coupon's discount and the total taken from the
 * wallet ({@code total = subtotal - discount}). Sales statistics and rankings are built from this event.
 */
public record OrderPaidEvent(String orderId, String userId, List<PricedLine> lines, String couponId, Money subtotal,
                             Money discount, Money total, Instant paidAt) {
}
