package dev.jangteo.api.coupon;

import java.util.List;

/** One outcome per request of an {@link IssueCouponCommand}, in the same order. */
public record IssueCouponResult(List<IssueOutcome> outcomes) {

    public IssueCouponResult {
        outcomes = List.copyOf(outcomes);
    }
}
