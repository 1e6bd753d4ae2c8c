package dev.jangteo.command.order;

/** A cancellation asked by someone other than the user who placed the order; the caller sees 403 {@code FORBIDDEN}. */
class NotTheOrderOwnerException extends RuntimeException {

    NotTheOrderOwnerException() {
        super("the order belongs to another user", null, false, false);
    }
}
