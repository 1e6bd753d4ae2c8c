package dev.jangteo.api.coupon;

/** {@code restored} is false when the order had not redeemed the copy (it was only closed). */
public record CouponReleasedEvent(String couponId, String userId, String orderId, boolean restored) {
}
