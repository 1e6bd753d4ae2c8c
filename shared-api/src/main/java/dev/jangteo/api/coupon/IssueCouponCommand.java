package dev.jangteo.api.coupon;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Claims of one or more users on one coupon, decided in list order within a single unit of work. Carrying many
 * claims lets the command side commit a burst of concurrent claims on a hot coupon in one transaction (group commit)
 * instead of one transaction per claim; the answer is an {@link IssueCouponResult} with one outcome per claim.
 */
public record IssueCouponCommand(@TargetAggregateIdentifier String couponId, List<IssueRequest> requests) {

    public IssueCouponCommand {
        Require.id(couponId, "couponId");
        requests = List.copyOf(Require.notEmpty(requests, "requests"));
    }
}
