package dev.jangteo.api.coupon;

import java.time.Instant;

/** A copy went to a user; {@code sequence} is their place in the queue, 1 for the first copy. */
public record CouponIssuedEvent(String couponId, String userId, long sequence, Instant requestedAt) {
}
