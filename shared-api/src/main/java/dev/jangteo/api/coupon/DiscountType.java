package dev.jangteo.api.coupon;

/** How a coupon's discount value is read: an amount of won, or a percentage of the order total. */
public enum DiscountType {
    FIXED,
    PERCENT
}
