package dev.jangteo.api.order;

import java.time.Instant;
import java.util.List;

public record OrderPlacedEvent(String orderId, String userId, List<OrderLine> lines, String couponId,
                               Instant placedAt) {
}
