package dev.jangteo.command.catalog;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.jangteo.api.Money;
import dev.jangteo.api.catalog.ChangePriceCommand;
import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.RegisterProductCommand;
import dev.jangteo.api.catalog.ReleaseStockCommand;
import dev.jangteo.api.catalog.ReserveStockCommand;
import dev.jangteo.api.catalog.RestockCommand;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product for sale. Invariants: stock never goes below zero; a reservation and a release apply once per order, and
 * a reservation arriving after its order's release is refused (nothing is held for an order that gave up); a restock
 * applies once per restock id.
 * {@code stock} is what is still available; units reserved by orders are no longer in it.
 */
@Aggregate(snapshotTriggerDefinition = "productSnapshotTrigger", cache = "productCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Product {

    @AggregateIdentifier
    private String productId;
    private Money price;
    private int stock;
    /** Units each order holds, until it releases them. */
    private Map<String, Integer> reservations = new HashMap<>();
    /** Orders that released (or closed before reserving): nothing more is reserved or released for them. */
    private Set<String> closedOrders = new HashSet<>();
    /** Restocks applied, by id: one resent (its first answer lost) adds nothing. */
    private Set<String> restocks = new HashSet<>();

    Product() {
    }

    @CommandHandler
    Product(RegisterProductCommand command) {
        apply(new ProductRegisteredEvent(command.productId(), command.name(), command.category(), command.price(),
                                         command.stock()));
    }

    @CommandHandler
    void handle(ChangePriceCommand command) {
        if (!command.price().equals(price)) {
            apply(new ProductPriceChangedEvent(productId, price, command.price()));
        }
    }

    @CommandHandler
    void handle(RestockCommand command) {
        if (restocks.contains(command.restockId())) {
            return;
        }
        if ((long) stock + command.quantity() > RegisterProductCommand.MAX_STOCK) {
            throw new IllegalArgumentException("stock would exceed " + RegisterProductCommand.MAX_STOCK);
        }
        apply(new ProductRestockedEvent(productId, command.restockId(), command.quantity(),
                                        stock + command.quantity()));
    }

    @CommandHandler
    void handle(ReserveStockCommand command) {
        String orderId = command.orderId();
        if (reservations.containsKey(orderId) || closedOrders.contains(orderId)) {
            return;
        }
        if (command.quantity() > stock) {
            apply(new StockReservationRefusedEvent(productId, orderId, command.quantity(), stock));
        } else {
            apply(new StockReservedEvent(productId, orderId, command.quantity(), price, stock - command.quantity()));
        }
    }

    /**
     * Gives back what the order holds and closes the order here. A release for an order that holds nothing (its
     * reservation has not arrived yet: the saga timed out or another product refused) is recorded all the same, with
     * quantity 0: what changes is that the order is closed, so its late reservation is refused instead of holding
     * stock for an order that gave up. The saga sends no release to a product that refused its reservation.
     */
    @CommandHandler
    void handle(ReleaseStockCommand command) {
        String orderId = command.orderId();
        if (closedOrders.contains(orderId)) {
            return;
        }
        int held = reservations.getOrDefault(orderId, 0);
        apply(new StockReleasedEvent(productId, orderId, held, stock + held));
    }

    @EventSourcingHandler
    void on(ProductRegisteredEvent event) {
        productId = event.productId();
        price = event.price();
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(ProductPriceChangedEvent event) {
        price = event.price();
    }

    @EventSourcingHandler
    void on(ProductRestockedEvent event) {
        if (event.restockId() != null) {
            restocks.add(event.restockId());
        }
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        reservations.put(event.orderId(), event.quantity());
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.remove(event.orderId());
        closedOrders.add(event.orderId());
        stock = event.stock();
    }
}
