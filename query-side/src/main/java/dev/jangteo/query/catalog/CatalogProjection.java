package dev.jangteo.query.catalog;

import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.ProductRestockedEvent;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import dev.jangteo.query.readmodel.JpaProjection;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import dev.jangteo.query.readmodel.ReplayScope;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Products with their price and available stock. Runs in the processor's transaction together with its tracking
 * token; stock always comes from the event (the stock after it). A refused reservation changes nothing.
 */
@Component
@ProcessingGroup(CatalogProjection.GROUP)
class CatalogProjection extends JpaProjection implements Projection {

    static final String GROUP = "catalog";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP, ProductView.TABLE);

    private final ReplayScope replays;

    CatalogProjection(EntityManager entityManager, TransactionTemplate transaction, ReplayScope replays) {
        super(entityManager, transaction);
        this.replays = replays;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(ProductRegisteredEvent event, @Timestamp Instant registeredAt) {
        entityManager.persist(new ProductView(event.productId(), event.name(), event.category(),
                                              event.price().won(), event.stock(), registeredAt));
    }

    @EventHandler
    void on(ProductPriceChangedEvent event, @Timestamp Instant at) {
        existing(ProductView.class, event.productId()).recordPrice(event.price().won(), at);
    }

    @EventHandler
    void on(ProductRestockedEvent event, @Timestamp Instant at) {
        existing(ProductView.class, event.productId()).recordStock(event.stock(), at);
    }

    @EventHandler
    void on(StockReservedEvent event, @Timestamp Instant at) {
        existing(ProductView.class, event.productId()).recordStock(event.stock(), at);
    }

    @EventHandler
    void on(StockReleasedEvent event, @Timestamp Instant at) {
        existing(ProductView.class, event.productId()).recordStock(event.stock(), at);
    }

    @ResetHandler
    void reset() {
        clearRowsPerAggregate(replays.createdSinceStart(GROUP, "Product"), ProductView.TABLE, "product_id");
    }
}
