package dev.jangteo.query.coupon;

import dev.jangteo.api.coupon.CouponTerms;
import dev.jangteo.api.coupon.DiscountType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A coupon's terms and how many copies are out. */
@Entity
@Table(name = CouponView.TABLE)
class CouponView {

    static final String TABLE = "coupon_view";

    @Id
    @Column(name = "coupon_id")
    private String couponId;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type")
    private DiscountType discountType;
    @Column(name = "discount_value")
    private long discountValue;
    @Column(name = "total_quantity")
    private int totalQuantity;
    private int issued;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "valid_until")
    private Instant validUntil;
    @Column(name = "defined_at")
    private Instant definedAt;

    protected CouponView() {
    }

    CouponView(String couponId, CouponTerms terms, Instant definedAt) {
        this.couponId = couponId;
        this.name = terms.name();
        this.discountType = terms.discountType();
        this.discountValue = terms.discountValue();
        this.totalQuantity = terms.totalQuantity();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.definedAt = definedAt;
    }

    /** Sequences run 1..n without holes, so the highest one seen is the number issued, whatever the order. */
    void recordIssued(long sequence) {
        issued = (int) Math.max(issued, sequence);
    }

    String couponId() {
        return couponId;
    }

    String name() {
        return name;
    }

    DiscountType discountType() {
        return discountType;
    }

    long discountValue() {
        return discountValue;
    }

    int totalQuantity() {
        return totalQuantity;
    }

    int issued() {
        return issued;
    }

    Instant validFrom() {
        return validFrom;
    }

    Instant validUntil() {
        return validUntil;
    }
}
