package dev.jangteo.query.audit;

import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A product: its price, the stock available, what each open order holds, and the orders closed on it. */
class ProductFold implements AggregateFold {

    record ProductState(String productId, String name, String category, long price, int stock,
                        Map<String, Integer> reservations, List<String> closedOrders,
                        List<String> refusedReservations) {
    }

    private String productId;
    private String name;
    private String category;
    private long price;
    private int stock;
    private final Map<String, Integer> reservations = new LinkedHashMap<>();
    private final List<String> closedOrders = new ArrayList<>();
    private final List<String> refusedReservations = new ArrayList<>();

    @Override
    public void apply(Object event) {
        switch (event) {
            case ProductRegisteredEvent registered -> {
                productId = registered.productId();
                name = registered.name();
                category = registered.category();
                price = registered.price().won();
                stock = registered.stock();
            }
            case ProductPriceChangedEvent changed -> price = changed.price().won();
            case ProductRestockedEvent restocked -> stock = restocked.stock();
            case StockReservedEvent reserved -> {
                reservations.put(reserved.orderId(), reserved.quantity());
                stock = reserved.stock();
            }
            case StockReservationRefusedEvent refused -> refusedReservations.add(refused.orderId());
            case StockReleasedEvent released -> {
                reservations.remove(released.orderId());
                closedOrders.add(released.orderId());
                stock = released.stock();
            }
            default -> {
            }
        }
    }

    @Override
    public ProductState state() {
        return new ProductState(productId, name, category, price, stock, new LinkedHashMap<>(reservations),
                                List.copyOf(closedOrders), List.copyOf(refusedReservations));
    }
}
