package dev.jangteo.api.account;

import dev.jangteo.api.Money;
import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes an order's total from a wallet, or refuses with {@link AccountDebitRefusedEvent}. Applies once per order:
 * a retry, or a debit arriving after the order's refund, changes nothing.
 */
public record DebitForOrderCommand(@TargetAggregateIdentifier String userId, String orderId, Money amount) {

    public DebitForOrderCommand {
        Require.id(userId, "userId");
        Require.id(orderId, "orderId");
        Require.present(amount, "amount");
    }
}
