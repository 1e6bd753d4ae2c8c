package dev.jangteo.api.catalog;

/**
 * {@code stock} is the stock after the restock; {@code restockId} names the restock (null in events recorded before
 * restocks had ids).
 */
public record ProductRestockedEvent(String productId, String restockId, int quantity, int stock) {
}
