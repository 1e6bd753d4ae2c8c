package dev.jangteo.api.coupon;

import dev.jangteo.api.Money;
import dev.jangteo.api.Require;

import java.time.Instant;

/**
 * What a coupon promises and to how many: shared by the command that defines a coupon and the event that records it.
 * The validity window is half-open, {@code [validFrom, validUntil)}; either end may be open.
 */
public record CouponTerms(String name,
                          DiscountType discountType,
                          long discountValue,
                          int totalQuantity,
                          Instant validFrom,
                          Instant validUntil) {

    public static final int MAX_NAME_LENGTH = 200;
    /** The Coupon aggregate holds the set of holders to refuse a second copy; this keeps that set bounded. */
    public static final int MAX_QUANTITY = 1_000_000;
    public static final long MAX_FIXED_DISCOUNT = 100_000_000L;

    public CouponTerms {
        Require.text(name, "name", MAX_NAME_LENGTH);
        Require.present(discountType, "discountType");
        long maxDiscount = discountType == DiscountType.PERCENT ? 100 : MAX_FIXED_DISCOUNT;
        Require.between(discountValue, 1, maxDiscount, "discountValue");
        Require.between(totalQuantity, 1, MAX_QUANTITY, "totalQuantity");
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
    }

    public boolean isValidAt(Instant moment) {
        return (validFrom == null || !moment.isBefore(validFrom))
                && (validUntil == null || moment.isBefore(validUntil));
    }

    /** What this coupon takes off an order worth {@code subtotal}: never more than the subtotal, rounded down. */
    public Money discountOn(Money subtotal) {
        Money discount = discountType == DiscountType.PERCENT
                ? Money.won(Math.multiplyExact(subtotal.won(), discountValue) / 100)
                : Money.won(discountValue);
        return discount.min(subtotal);
    }
}
