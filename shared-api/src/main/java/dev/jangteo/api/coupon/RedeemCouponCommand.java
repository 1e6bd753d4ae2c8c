package dev.jangteo.api.coupon;

import dev.jangteo.api.Money;
import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Uses a user's copy of a coupon on an order worth {@code subtotal}: answered by {@link CouponRedeemedEvent} with the
 * discount, or {@link CouponRedemptionRefusedEvent}. Applies once per order.
 */
public record RedeemCouponCommand(@TargetAggregateIdentifier String couponId, String userId, String orderId,
                                  Money subtotal, Instant requestedAt) {

    public RedeemCouponCommand {
        Require.id(couponId, "couponId");
        Require.id(userId, "userId");
        Require.id(orderId, "orderId");
        Require.present(subtotal, "subtotal");
        Require.present(requestedAt, "requestedAt");
    }
}
