package dev.jangteo.api.order;

import dev.jangteo.api.Money;

import java.time.Instant;
import java.util.List;

/**
 * A paid order was undone. It repeats what was paid and when ({@code paidAt}), so sales statistics subtract it from
 * the day it was paid without looking anything up.
 */
public record OrderCancelledEvent(String orderId, String userId, List<PricedLine> lines, String couponId,
                                  Money subtotal, Money discount, Money total, Instant paidAt, Instant cancelledAt) {
}
