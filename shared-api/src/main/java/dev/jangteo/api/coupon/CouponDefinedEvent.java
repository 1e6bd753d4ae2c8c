package dev.jangteo.api.coupon;

public record CouponDefinedEvent(String couponId, CouponTerms terms) {
}
