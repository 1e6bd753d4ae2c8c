package dev.jangteo.query.coupon;

import dev.jangteo.api.coupon.DiscountType;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.consistency.ConsistentRead;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
class CouponQueryController {

    private final CouponViews coupons;

    CouponQueryController(CouponViews coupons) {
        this.coupons = coupons;
    }

    record CouponSummary(String couponId, String name, DiscountType discountType, long discountValue,
                         int totalQuantity, int issued, int remaining, Instant validFrom, Instant validUntil) {

        static CouponSummary of(CouponView view) {
            return new CouponSummary(view.couponId(), view.name(), view.discountType(), view.discountValue(),
                                     view.totalQuantity(), view.issued(), view.totalQuantity() - view.issued(),
                                     view.validFrom(), view.validUntil());
        }
    }

    record HeldCoupon(String couponId, String name, DiscountType discountType, long discountValue,
                      UserCoupon.State state, long sequence, Instant issuedAt) {
    }

    record HeldCoupons(String userId, List<HeldCoupon> coupons) {
    }

    /** How far a coupon has gone: copies issued of its total, and of those the ones spent on an order. */
    record Uptake(String couponId, String name, DiscountType discountType, long discountValue, int totalQuantity,
                  int issued, long redeemed, Instant validFrom, Instant validUntil) {
    }

    record Uptakes(List<Uptake> coupons) {
    }

    @ProblemCodes("COUPON_NOT_FOUND")
    @GetMapping("/api/coupons/{couponId}")
    @ConsistentRead(CouponProjection.GROUP)
    CouponSummary coupon(@PathVariable String couponId) {
        return coupons.findById(couponId)
                      .map(CouponSummary::of)
                      .orElseThrow(() -> ApiException.notFound("COUPON_NOT_FOUND", "No coupon " + couponId));
    }

    /** Analysts' view of every coupon's uptake (the console's coupon page). */
    @GetMapping("/api/stats/coupons")
    @ConsistentRead(CouponProjection.GROUP)
    Uptakes uptake() {
        return new Uptakes(coupons.findUptake());
    }

    @GetMapping("/api/users/{userId}/coupons")
    @ConsistentRead(CouponProjection.GROUP)
    HeldCoupons heldBy(@PathVariable String userId) {
        return new HeldCoupons(userId, coupons.findHeldBy(userId));
    }
}
