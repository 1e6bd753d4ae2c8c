package dev.jangteo.api.order;

import java.time.Instant;

public record OrderRejectedEvent(String orderId, String userId, RejectionReason reason, Instant rejectedAt) {
}
