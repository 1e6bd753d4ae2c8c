package dev.jangteo.query.coupon;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface CouponViews extends JpaRepository<CouponView, String> {

    /** A user's copies with their coupon's terms, newest first, in one query. */
    @Query("""
            select new dev.jangteo.query.coupon.CouponQueryController$HeldCoupon(
                u.couponId, c.name, c.discountType, c.discountValue, u.state, u.sequence, u.issuedAt)
            from UserCoupon u join CouponView c on c.couponId = u.couponId
            where u.userId = :userId
            order by u.issuedAt desc, u.couponId
            """)
    List<CouponQueryController.HeldCoupon> findHeldBy(String userId);

    /** Every coupon with how many of its copies were issued and how many of those redeemed, by name. */
    @Query("""
            select new dev.jangteo.query.coupon.CouponQueryController$Uptake(
                c.couponId, c.name, c.discountType, c.discountValue, c.totalQuantity, c.issued,
                (select count(u) from UserCoupon u
                 where u.couponId = c.couponId and u.state = dev.jangteo.query.coupon.UserCoupon$State.REDEEMED),
                c.validFrom, c.validUntil)
            from CouponView c
            order by c.name, c.couponId
            """)
    List<CouponQueryController.Uptake> findUptake();
}
