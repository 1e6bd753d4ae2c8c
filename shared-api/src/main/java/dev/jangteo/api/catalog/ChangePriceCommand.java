package dev.jangteo.api.catalog;

import dev.jangteo.api.Money;
import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new price for orders reserved from now on; reservations already made keep the price they were made at. */
public record ChangePriceCommand(@TargetAggregateIdentifier String productId, Money price) {

    public ChangePriceCommand {
        Require.id(productId, "productId");
        RegisterProductCommand.checkPrice(price);
    }
}
