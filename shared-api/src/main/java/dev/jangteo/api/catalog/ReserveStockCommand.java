package dev.jangteo.api.catalog;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds units of a product for an order, at the current price, or refuses with {@link StockReservationRefusedEvent}.
 * Applies once per order: a retry, or a reservation arriving after the order released this product, changes nothing.
 */
public record ReserveStockCommand(@TargetAggregateIdentifier String productId, String orderId, int quantity) {

    public ReserveStockCommand {
        Require.id(productId, "productId");
        Require.id(orderId, "orderId");
        Require.between(quantity, 1, RegisterProductCommand.MAX_STOCK, "quantity");
    }
}
