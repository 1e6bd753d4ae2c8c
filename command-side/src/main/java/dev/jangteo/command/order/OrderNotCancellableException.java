package dev.jangteo.command.order;

/** A cancellation asked of an order that is not PAID; the caller sees 409 {@code ORDER_NOT_CANCELLABLE}. */
class OrderNotCancellableException extends RuntimeException {

    OrderNotCancellableException(String reason) {
        super(reason, null, false, false);
    }
}
