package dev.jangteo.api.order;

import dev.jangteo.api.Require;

/** A product and how many units of it an order asks for. */
public record OrderLine(String productId, int quantity) {

    public static final int MAX_QUANTITY = 1_000;

    public OrderLine {
        Require.id(productId, "productId");
        Require.between(quantity, 1, MAX_QUANTITY, "quantity");
    }
}
