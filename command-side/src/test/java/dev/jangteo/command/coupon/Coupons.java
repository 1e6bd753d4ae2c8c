package dev.jangteo.command.coupon;

import dev.jangteo.api.coupon.CouponDefinedEvent;
import dev.jangteo.api.coupon.CouponIssuedEvent;
import dev.jangteo.api.coupon.CouponTerms;
import dev.jangteo.api.coupon.DefineCouponCommand;
import dev.jangteo.api.coupon.DiscountType;
import dev.jangteo.api.coupon.IssueCouponCommand;
import dev.jangteo.api.coupon.IssueRequest;

import java.time.Instant;
import java.util.Arrays;

/** Test data for coupons: a coupon id, its terms, and claims at a fixed moment. */
final class Coupons {

    static final String ID = "coupon-1";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private Coupons() {
    }

    static CouponTerms limited(int quantity) {
        return new CouponTerms("First come", DiscountType.FIXED, 1_000, quantity, null, null);
    }

    static CouponTerms validBetween(Instant from, Instant until) {
        return new CouponTerms("Weekend", DiscountType.PERCENT, 10, 100, from, until);
    }

    static DefineCouponCommand define(CouponTerms terms) {
        return new DefineCouponCommand(ID, terms);
    }

    static CouponDefinedEvent defined(CouponTerms terms) {
        return new CouponDefinedEvent(ID, terms);
    }

    static CouponIssuedEvent issued(String userId, long sequence) {
        return new CouponIssuedEvent(ID, userId, sequence, NOW);
    }

    static IssueCouponCommand claims(String... userIds) {
        return claimsAt(NOW, userIds);
    }

    static IssueCouponCommand claimsAt(Instant moment, String... userIds) {
        return new IssueCouponCommand(ID, Arrays.stream(userIds).map(user -> new IssueRequest(user, moment)).toList());
    }
}
