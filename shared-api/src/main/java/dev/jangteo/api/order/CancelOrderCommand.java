package dev.jangteo.api.order;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to undo a PAID order. A repeated request while cancelling or after cancelled changes nothing. */
public record CancelOrderCommand(@TargetAggregateIdentifier String orderId) {

    public CancelOrderCommand {
        Require.id(orderId, "orderId");
    }
}
