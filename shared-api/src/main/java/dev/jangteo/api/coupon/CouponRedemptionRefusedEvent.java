package dev.jangteo.api.coupon;

/** Why a coupon could not be used on an order: not held by the user, already used, or outside its validity. */
public record CouponRedemptionRefusedEvent(String couponId, String userId, String orderId, String why) {
}
