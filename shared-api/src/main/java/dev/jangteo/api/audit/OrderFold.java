package dev.jangteo.api.audit;

import dev.jangteo.api.Money;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStatus;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.api.order.RejectionReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order: its status, what it asked for and, once paid, what it paid; why it failed or when it ended. */
public final class OrderFold implements AggregateFold {

    public record Line(String productId, int quantity, Long unitPrice) {
    }

    public record OrderState(String orderId, String userId, OrderStatus status, List<Line> lines, String couponId,
                             Long subtotal, Long discount, Long total, Instant placedAt, Instant paidAt,
                             List<RejectionReason> failedSteps, RejectionReason rejectionReason, Instant rejectedAt,
                             Instant cancellationRequestedAt, Instant cancelledAt) {
    }

    private String orderId;
    private String userId;
    private OrderStatus status;
    private List<Line> lines = List.of();
    private String couponId;
    private Long subtotal;
    private Long discount;
    private Long total;
    private Instant placedAt;
    private Instant paidAt;
    private final List<RejectionReason> failedSteps = new ArrayList<>();
    private RejectionReason rejectionReason;
    private Instant rejectedAt;
    private Instant cancellationRequestedAt;
    private Instant cancelledAt;

    @Override
    public void apply(Object event) {
        switch (event) {
            case OrderPlacedEvent placed -> {
                orderId = placed.orderId();
                userId = placed.userId();
                couponId = placed.couponId();
                lines = placed.lines().stream().map(OrderFold::asked).toList();
                placedAt = placed.placedAt();
                status = OrderStatus.PENDING;
            }
            case OrderStepFailedEvent failed -> failedSteps.add(failed.reason());
            case OrderPaidEvent paid -> {
                lines = paid.lines().stream().map(OrderFold::priced).toList();
                subtotal = won(paid.subtotal());
                discount = won(paid.discount());
                total = won(paid.total());
                paidAt = paid.paidAt();
                status = OrderStatus.PAID;
            }
            case OrderRejectedEvent rejected -> {
                rejectionReason = rejected.reason();
                rejectedAt = rejected.rejectedAt();
                status = OrderStatus.REJECTED;
            }
            case OrderCancellationRequestedEvent requested -> {
                cancellationRequestedAt = requested.requestedAt();
                status = OrderStatus.CANCELLING;
            }
            case OrderCancelledEvent cancelled -> {
                cancelledAt = cancelled.cancelledAt();
                status = OrderStatus.CANCELLED;
            }
            default -> {
            }
        }
    }

    private static Line asked(OrderLine line) {
        return new Line(line.productId(), line.quantity(), null);
    }

    private static Line priced(PricedLine line) {
        return new Line(line.productId(), line.quantity(), line.unitPrice().won());
    }

    private static Long won(Money money) {
        return money == null ? null : money.won();
    }

    @Override
    public OrderState state() {
        return new OrderState(orderId, userId, status, lines, couponId, subtotal, discount, total, placedAt, paidAt,
                              List.copyOf(failedSteps), rejectionReason, rejectedAt, cancellationRequestedAt,
                              cancelledAt);
    }
}
