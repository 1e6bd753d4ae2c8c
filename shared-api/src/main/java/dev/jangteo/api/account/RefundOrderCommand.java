package dev.jangteo.api.account;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives back what an order took. Applies once per order; for an order never debited it refunds nothing but closes
 * the order on this account, so a debit that arrives late (after the saga gave up) is refused.
 */
public record RefundOrderCommand(@TargetAggregateIdentifier String userId, String orderId) {

    public RefundOrderCommand {
        Require.id(userId, "userId");
        Require.id(orderId, "orderId");
    }
}
