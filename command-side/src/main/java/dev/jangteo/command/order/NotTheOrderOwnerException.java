package dev.jangteo.command.order;

import dev.jangteo.command.refusal.RefusedException;
import dev.jangteo.platform.web.ErrorCodes;

/** A cancellation asked by someone other than the user who placed the order; the caller sees 403 {@code FORBIDDEN}. */
class NotTheOrderOwnerException extends RefusedException {

    NotTheOrderOwnerException(String orderId) {
        super(ErrorCodes.FORBIDDEN, 403, "Order " + orderId + " belongs to another user");
    }
}
