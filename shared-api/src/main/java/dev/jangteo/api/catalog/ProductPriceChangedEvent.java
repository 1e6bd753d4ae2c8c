package dev.jangteo.api.catalog;

import dev.jangteo.api.Money;

public record ProductPriceChangedEvent(String productId, Money oldPrice, Money price) {
}
