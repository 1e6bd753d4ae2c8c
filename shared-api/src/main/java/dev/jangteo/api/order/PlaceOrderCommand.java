package dev.jangteo.api.order;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Starts an order; the payment saga takes it from PENDING to PAID or REJECTED. {@code couponId} is optional. */
public record PlaceOrderCommand(@TargetAggregateIdentifier String orderId, String userId, List<OrderLine> lines,
                                String couponId) {

    public static final int MAX_LINES = 50;

    public PlaceOrderCommand {
        Require.id(orderId, "orderId");
        Require.id(userId, "userId");
        lines = List.copyOf(Require.notEmpty(lines, "items"));
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("items must hold at most " + MAX_LINES + " products");
        }
        if (lines.stream().map(OrderLine::productId).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("items must name each product once");
        }
        if (couponId != null) {
            Require.id(couponId, "couponId");
        }
    }

    /** The products of this order, in line order. */
    public List<String> productIds() {
        return lines.stream().map(OrderLine::productId).toList();
    }
}
