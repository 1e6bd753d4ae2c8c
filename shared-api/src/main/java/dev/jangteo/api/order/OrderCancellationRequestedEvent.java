package dev.jangteo.api.order;

import java.time.Instant;
import java.util.List;

/** Starts the cancellation saga: refund, release each product's stock, restore the coupon. */
public record OrderCancellationRequestedEvent(String orderId, String userId, List<PricedLine> lines, String couponId,
                                              Instant requestedAt) {
}
