package dev.jangteo.api.catalog;

import dev.jangteo.api.Money;

/** {@code unitPrice} is the price the order pays; {@code stock} is what remains available. */
public record StockReservedEvent(String productId, String orderId, int quantity, Money unitPrice, int stock) {
}
