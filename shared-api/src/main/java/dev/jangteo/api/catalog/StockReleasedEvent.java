package dev.jangteo.api.catalog;

/** {@code quantity} is zero when the order had reserved nothing; {@code stock} is the stock after the release. */
public record StockReleasedEvent(String productId, String orderId, int quantity, int stock) {
}
