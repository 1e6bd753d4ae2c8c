package dev.jangteo.api.order;

/**
 * PENDING while the saga works; then PAID or REJECTED. A PAID order can be cancelled: CANCELLING while refund,
 * stock and coupon are given back, then CANCELLED.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    REJECTED,
    CANCELLING,
    CANCELLED
}
