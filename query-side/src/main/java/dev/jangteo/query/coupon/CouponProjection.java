package dev.jangteo.query.coupon;

import dev.jangteo.api.coupon.CouponDefinedEvent;
import dev.jangteo.api.coupon.CouponIssuedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import jakarta.persistence.EntityManager;
import dev.jangteo.query.readmodel.FullReplayOnly;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Coupons and the copies users hold. Runs in the processor's transaction together with its tracking token, so each
 * event lands exactly once; a batch of claims on one coupon loads the coupon row once.
 */
@Component
@FullReplayOnly("a claim adds a copy for its holder and counts it: replaying the claims after a moment over the "
                + "copies already held would add them twice")
@ProcessingGroup(CouponProjection.GROUP)
class CouponProjection implements Projection {

    static final String GROUP = "coupons";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP, CouponView.TABLE, UserCoupon.TABLE);

    private final EntityManager entityManager;
    private final TransactionTemplate transaction;

    CouponProjection(EntityManager entityManager, TransactionTemplate transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(CouponDefinedEvent event, @Timestamp Instant definedAt) {
        entityManager.persist(new CouponView(event.couponId(), event.terms(), definedAt));
    }

    @EventHandler
    void on(CouponIssuedEvent event, @Timestamp Instant issuedAt) {
        entityManager.find(CouponView.class, event.couponId()).recordIssued(event.sequence());
        entityManager.persist(new UserCoupon(event.couponId(), event.userId(), event.sequence(), issuedAt));
    }

    @EventHandler
    void on(CouponRedeemedEvent event) {
        copy(event.couponId(), event.userId()).redeemed();
    }

    @EventHandler
    void on(CouponReleasedEvent event) {
        if (event.restored()) {
            copy(event.couponId(), event.userId()).restored();
        }
    }

    private UserCoupon copy(String couponId, String userId) {
        UserCoupon copy = entityManager.find(UserCoupon.class, new UserCoupon.Key(couponId, userId));
        if (copy == null) {
            throw new IllegalStateException("Redemption of a copy of " + couponId + " that " + userId + " does not hold");
        }
        return copy;
    }

    @ResetHandler
    void reset() {
        transaction.executeWithoutResult(status -> {
            entityManager.createQuery("delete from UserCoupon").executeUpdate();
            entityManager.createQuery("delete from CouponView").executeUpdate();
        });
    }
}
