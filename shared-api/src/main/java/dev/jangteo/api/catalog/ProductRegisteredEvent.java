package dev.jangteo.api.catalog;

import dev.jangteo.api.Money;

public record ProductRegisteredEvent(String productId, String name, String category, Money price, int stock) {
}
