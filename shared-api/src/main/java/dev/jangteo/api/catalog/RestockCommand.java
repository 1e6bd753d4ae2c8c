package dev.jangteo.api.catalog;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code restockId} names this restock: the product applies each id once, so a resent restock adds nothing. */
public record RestockCommand(@TargetAggregateIdentifier String productId, String restockId, int quantity) {

    public RestockCommand {
        Require.id(productId, "productId");
        Require.id(restockId, "restockId");
        Require.between(quantity, 1, RegisterProductCommand.MAX_STOCK, "quantity");
    }
}
