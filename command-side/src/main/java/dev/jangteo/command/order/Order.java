package dev.jangteo.command.order;

import dev.jangteo.api.Money;
import dev.jangteo.api.order.CancelOrderCommand;
import dev.jangteo.api.order.CompleteOrderCancellationCommand;
import dev.jangteo.api.order.CompleteOrderPaymentCommand;
import dev.jangteo.api.order.FailOrderStepCommand;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStatus;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.PlaceOrderCommand;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.api.order.RejectOrderCommand;
import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order's lifecycle: PENDING until the payment saga reports, then PAID or REJECTED; a PAID order may be cancelled
 * (CANCELLING, then CANCELLED). Every transition happens once: a repeated command changes nothing.
 */
@Aggregate(cache = "orderCache")
class Order {

    @AggregateIdentifier
    private String orderId;
    private String userId;
    private String couponId;
    private OrderStatus status;
    private List<PricedLine> pricedLines;
    private Money subtotal;
    private Money discount;
    private Money total;
    private Instant paidAt;

    Order() {
    }

    @CommandHandler
    Order(PlaceOrderCommand command) {
        apply(new OrderPlacedEvent(command.orderId(), command.userId(), command.lines(), command.couponId(),
                                   now()));
    }

    @CommandHandler
    void handle(CompleteOrderPaymentCommand command) {
        if (status != OrderStatus.PENDING) {
            return;
        }
        Money gross = command.lines().stream().map(PricedLine::amount).reduce(Money.ZERO, Money::plus);
        apply(new OrderPaidEvent(orderId, userId, command.lines(), couponId, gross, command.discount(),
                                 gross.minus(command.discount()), now()));
    }

    @CommandHandler
    void handle(FailOrderStepCommand command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderStepFailedEvent(orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RejectOrderCommand command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderRejectedEvent(orderId, userId, command.reason(), now()));
        }
    }

    /**
     * Only the user who placed the order may cancel it: the acting user of the command (the caller's token subject) is
     * checked here against the order's own state, so no read model is trusted and nothing races. Only a PAID order can
     * be cancelled; asking again while it is being (or has been) cancelled is a no-op.
     */
    @CommandHandler
    void handle(CancelOrderCommand command, @MetaDataValue(AuditMetadata.ACTING_USER) String actingUser) {
        if (!userId.equals(actingUser)) {
            throw new NotTheOrderOwnerException(orderId);
        }
        switch (status) {
            case PAID -> apply(new OrderCancellationRequestedEvent(orderId, userId, pricedLines, couponId,
                                                                   now()));
            case CANCELLING, CANCELLED -> {
            }
            case PENDING -> throw new OrderNotCancellableException(orderId,
                                                              "the order is still being paid; retry shortly");
            case REJECTED -> throw new OrderNotCancellableException(orderId,
                                                               "the order was rejected; there is nothing to undo");
        }
    }

    @CommandHandler
    void handle(CompleteOrderCancellationCommand command) {
        if (status == OrderStatus.CANCELLING) {
            apply(new OrderCancelledEvent(orderId, userId, pricedLines, couponId, subtotal, discount, total, paidAt,
                                          now()));
        }
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        userId = event.userId();
        couponId = event.couponId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderPaidEvent event) {
        status = OrderStatus.PAID;
        pricedLines = event.lines();
        subtotal = event.subtotal();
        discount = event.discount();
        total = event.total();
        paidAt = event.paidAt();
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancellationRequestedEvent event) {
        status = OrderStatus.CANCELLING;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    /** Axon's event clock, which the test fixtures control. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
