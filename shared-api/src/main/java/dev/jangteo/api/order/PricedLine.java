package dev.jangteo.api.order;

import dev.jangteo.api.Money;

/** An order line with the unit price its stock was reserved at. */
public record PricedLine(String productId, int quantity, Money unitPrice) {

    public Money amount() {
        return unitPrice.times(quantity);
    }
}
