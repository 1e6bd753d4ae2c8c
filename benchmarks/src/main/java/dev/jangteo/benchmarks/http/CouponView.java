package dev.jangteo.benchmarks.http;

/** The query side's figures for one coupon (-1 where it did not say). */
public record CouponView(long issued, long remaining, long totalQuantity) {
}
