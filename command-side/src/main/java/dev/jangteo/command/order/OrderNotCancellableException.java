package dev.jangteo.command.order;

import dev.jangteo.command.refusal.RefusedException;

/** A cancellation asked of an order that is not PAID; the caller sees 409 {@code ORDER_NOT_CANCELLABLE}. */
class OrderNotCancellableException extends RefusedException {

    OrderNotCancellableException(String orderId, String reason) {
        super("ORDER_NOT_CANCELLABLE", 409, "Order " + orderId + ": " + reason);
    }
}
