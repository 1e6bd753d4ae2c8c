package dev.jangteo.api.catalog;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives an order's units back. Applies once per order; for an order that reserved nothing here it releases nothing
 * but closes the order on this product, so a reservation that arrives late is refused.
 */
public record ReleaseStockCommand(@TargetAggregateIdentifier String productId, String orderId) {

    public ReleaseStockCommand {
        Require.id(productId, "productId");
        Require.id(orderId, "orderId");
    }
}
