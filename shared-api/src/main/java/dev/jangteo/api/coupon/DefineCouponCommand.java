package dev.jangteo.api.coupon;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a coupon with a fixed number of copies for first-come-first-served issuing. */
public record DefineCouponCommand(@TargetAggregateIdentifier String couponId, CouponTerms terms) {

    public DefineCouponCommand {
        Require.id(couponId, "couponId");
        Require.present(terms, "terms");
    }
}
