package dev.jangteo.query.order;

import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.query.readmodel.JpaProjection;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import dev.jangteo.query.readmodel.ReplayScope;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders through their life: PENDING, then PAID or REJECTED, then CANCELLING and CANCELLED. Runs in the processor's
 * transaction together with its tracking token; every value comes from the events (times included), so a replay
 * writes the same rows. A failed saga step leaves the order PENDING until the saga rejects it.
 */
@Component
@ProcessingGroup(OrderProjection.GROUP)
class OrderProjection extends JpaProjection implements Projection {

    static final String GROUP = "orders";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP, OrderView.TABLE, OrderView.LINES_TABLE);

    private final ReplayScope replays;

    OrderProjection(EntityManager entityManager, TransactionTemplate transaction, ReplayScope replays) {
        super(entityManager, transaction);
        this.replays = replays;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        entityManager.persist(new OrderView(event.orderId(), event.userId(), event.lines(), event.couponId(),
                                            event.placedAt()));
    }

    @EventHandler
    void on(OrderPaidEvent event) {
        existing(OrderView.class, event.orderId()).paid(event.lines(), event.couponId(), event.subtotal().won(),
                                                        event.discount().won(), event.total().won(), event.paidAt());
    }

    @EventHandler
    void on(OrderRejectedEvent event) {
        existing(OrderView.class, event.orderId()).rejected(event.reason(), event.rejectedAt());
    }

    @EventHandler
    void on(OrderCancellationRequestedEvent event) {
        existing(OrderView.class, event.orderId()).cancellationRequested(event.requestedAt());
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        existing(OrderView.class, event.orderId()).cancelled(event.cancelledAt());
    }

    @ResetHandler
    void reset() {
        // Lines go with their order (ON DELETE CASCADE).
        clearRowsPerAggregate(replays.createdSinceStart(GROUP, "Order"), OrderView.TABLE, "order_id");
    }
}
