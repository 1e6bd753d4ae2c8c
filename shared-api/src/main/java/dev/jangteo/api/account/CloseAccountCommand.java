package dev.jangteo.api.account;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a wallet for good and erases its holder's personal data; closing a closed account changes nothing. */
public record CloseAccountCommand(@TargetAggregateIdentifier String userId) {

    public CloseAccountCommand {
        Require.id(userId, "userId");
    }
}
