package dev.jangteo.api.order;

/** Why an order ended REJECTED; the names are the stable codes clients see. */
public enum RejectionReason {
    OUT_OF_STOCK,
    PRODUCT_NOT_FOUND,
    COUPON_NOT_USABLE,
    INSUFFICIENT_FUNDS,
    ACCOUNT_NOT_FOUND,
    /** The buyer's account was closed (deleted) before it paid. */
    ACCOUNT_CLOSED,
    /** A step had no answer within the saga's step deadline. */
    TIMED_OUT
}
