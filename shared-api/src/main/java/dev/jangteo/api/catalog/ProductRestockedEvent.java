package dev.jangteo.api.catalog;

/** {@code stock} is the stock after the restock. */
public record ProductRestockedEvent(String productId, int quantity, int stock) {
}
