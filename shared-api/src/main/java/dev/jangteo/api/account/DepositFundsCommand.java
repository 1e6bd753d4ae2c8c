package dev.jangteo.api.account;

import dev.jangteo.api.Money;
import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds money to a wallet. Idempotent per {@code depositId}: a retried deposit changes nothing and answers the
 * balance again. The handler answers the balance after the deposit.
 */
public record DepositFundsCommand(@TargetAggregateIdentifier String userId, String depositId, Money amount) {

    /** One deposit of at most ten billion won: a bound that keeps balances far from overflow. */
    public static final long MAX_DEPOSIT = 10_000_000_000L;

    public DepositFundsCommand {
        Require.id(userId, "userId");
        Require.id(depositId, "depositId");
        Require.present(amount, "amount");
        Require.between(amount.won(), 1, MAX_DEPOSIT, "amount");
    }
}
