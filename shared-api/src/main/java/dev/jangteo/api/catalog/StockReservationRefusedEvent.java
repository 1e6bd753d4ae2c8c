package dev.jangteo.api.catalog;

/** Not enough units for the order; {@code stock} is what was available. */
public record StockReservationRefusedEvent(String productId, String orderId, int quantity, int stock) {
}
