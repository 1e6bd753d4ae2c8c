package dev.jangteo.query.order;

import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderStatus;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.api.order.RejectionReason;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order as its user sees it: status, lines, amounts in won (once paid) and when each step happened. */
@Entity
@Table(name = OrderView.TABLE)
class OrderView {

    static final String TABLE = "order_view";
    static final String LINES_TABLE = "order_line_view";

    @Id
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "user_id")
    private String userId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private RejectionReason reason;
    @Column(name = "coupon_id")
    private String couponId;
    private Long subtotal;
    private Long discount;
    private Long total;
    @Column(name = "placed_at")
    private Instant placedAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "rejected_at")
    private Instant rejectedAt;
    @Column(name = "cancellation_requested_at")
    private Instant cancellationRequestedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    // A page of orders loads the lines of up to 100 orders in one query.
    @ElementCollection
    @CollectionTable(name = LINES_TABLE, joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 100)
    private List<OrderLineEntry> lines = new ArrayList<>();

    protected OrderView() {
    }

    OrderView(String orderId, String userId, List<OrderLine> lines, String couponId, Instant placedAt) {
        this.orderId = orderId;
        this.userId = userId;
        this.status = OrderStatus.PENDING;
        this.couponId = couponId;
        this.placedAt = placedAt;
        lines.forEach(line -> this.lines.add(new OrderLineEntry(line.productId(), line.quantity(), null)));
    }

    void paid(List<PricedLine> pricedLines, String couponId, long subtotal, long discount, long total,
              Instant paidAt) {
        this.status = OrderStatus.PAID;
        this.couponId = couponId;
        this.subtotal = subtotal;
        this.discount = discount;
        this.total = total;
        this.paidAt = paidAt;
        lines.clear();
        pricedLines.forEach(line -> lines.add(
                new OrderLineEntry(line.productId(), line.quantity(), line.unitPrice().won())));
    }

    void rejected(RejectionReason reason, Instant rejectedAt) {
        this.status = OrderStatus.REJECTED;
        this.reason = reason;
        this.rejectedAt = rejectedAt;
    }

    void cancellationRequested(Instant requestedAt) {
        this.status = OrderStatus.CANCELLING;
        this.cancellationRequestedAt = requestedAt;
    }

    void cancelled(Instant cancelledAt) {
        this.status = OrderStatus.CANCELLED;
        this.cancelledAt = cancelledAt;
    }

    String orderId() {
        return orderId;
    }

    String userId() {
        return userId;
    }

    OrderStatus status() {
        return status;
    }

    RejectionReason reason() {
        return reason;
    }

    String couponId() {
        return couponId;
    }

    Long subtotal() {
        return subtotal;
    }

    Long discount() {
        return discount;
    }

    Long total() {
        return total;
    }

    Instant placedAt() {
        return placedAt;
    }

    Instant paidAt() {
        return paidAt;
    }

    Instant rejectedAt() {
        return rejectedAt;
    }

    Instant cancellationRequestedAt() {
        return cancellationRequestedAt;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    List<OrderLineEntry> lines() {
        return lines;
    }
}
