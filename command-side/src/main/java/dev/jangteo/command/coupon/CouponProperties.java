package dev.jangteo.command.coupon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param snapshotThreshold events between two snapshots of a coupon
 * @param maxBatch          most claims decided and committed in one unit of work
 * @param maxAttempts       attempts of one batch when another instance wrote the same coupon first
 * @param cacheSize         coupons kept in memory between commands
 */
@ConfigurationProperties("jangteo.coupons")
public record CouponProperties(int snapshotThreshold, int maxBatch, int maxAttempts, int cacheSize) {
}
