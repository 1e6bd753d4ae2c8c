package dev.jangteo.api.coupon;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes a copy used by an order usable again. Applies once per order; for an order that never redeemed it, it only
 * closes the order on this coupon so a late redemption is refused.
 */
public record ReleaseCouponCommand(@TargetAggregateIdentifier String couponId, String userId, String orderId) {

    public ReleaseCouponCommand {
        Require.id(couponId, "couponId");
        Require.id(userId, "userId");
        Require.id(orderId, "orderId");
    }
}
