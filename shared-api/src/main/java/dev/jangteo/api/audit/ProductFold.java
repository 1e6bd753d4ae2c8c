package dev.jangteo.api.audit;

import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A product: its price, the stock available, the restocks applied, what each open order holds, and the orders closed
 * on it.
 */
public final class ProductFold implements AggregateFold {

    public record ProductState(String productId, String name, String category, long price, int stock,
                               List<String> restocks, Map<String, Integer> reservations, List<String> closedOrders,
                               List<String> refusedReservations) {
    }

    private String productId;
    private String name;
    private String category;
    private long price;
    private int stock;
    /** Sets, as the product keeps them: a restock id or an order seen twice is listed once. */
    private final Set<String> restocks = new LinkedHashSet<>();
    private final Map<String, Integer> reservations = new LinkedHashMap<>();
    private final Set<String> closedOrders = new LinkedHashSet<>();
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
            case ProductRestockedEvent restocked -> {
                if (restocked.restockId() != null) {
                    restocks.add(restocked.restockId());
                }
                stock = restocked.stock();
            }
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
        return new ProductState(productId, name, category, price, stock, List.copyOf(restocks),
                                new LinkedHashMap<>(reservations), List.copyOf(closedOrders),
                                List.copyOf(refusedReservations));
    }
}
