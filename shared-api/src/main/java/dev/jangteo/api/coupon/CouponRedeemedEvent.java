package dev.jangteo.api.coupon;

import dev.jangteo.api.Money;

public record CouponRedeemedEvent(String couponId, String userId, String orderId, Money discount) {
}
