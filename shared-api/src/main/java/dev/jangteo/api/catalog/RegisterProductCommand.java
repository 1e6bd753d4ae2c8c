package dev.jangteo.api.catalog;

import dev.jangteo.api.Money;
import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterProductCommand(@TargetAggregateIdentifier String productId, String name, String category,
                                     Money price, int stock) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_CATEGORY_LENGTH = 50;
    public static final long MAX_PRICE = 10_000_000_000L;
    public static final int MAX_STOCK = 1_000_000_000;

    public RegisterProductCommand {
        Require.id(productId, "productId");
        Require.text(name, "name", MAX_NAME_LENGTH);
        Require.text(category, "category", MAX_CATEGORY_LENGTH);
        checkPrice(price);
        Require.between(stock, 0, MAX_STOCK, "stock");
    }

    static Money checkPrice(Money price) {
        Require.present(price, "price");
        Require.between(price.won(), 1, MAX_PRICE, "price");
        return price;
    }
}
