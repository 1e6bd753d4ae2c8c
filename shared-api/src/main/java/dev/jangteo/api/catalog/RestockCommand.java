package dev.jangteo.api.catalog;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestockCommand(@TargetAggregateIdentifier String productId, int quantity) {

    public RestockCommand {
        Require.id(productId, "productId");
        Require.between(quantity, 1, RegisterProductCommand.MAX_STOCK, "quantity");
    }
}
