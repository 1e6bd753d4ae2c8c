package dev.jangteo.query.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A copy of a coupon held by a user, with the user's place in the queue. */
@Entity
@Table(name = UserCoupon.TABLE)
@IdClass(UserCoupon.Key.class)
class UserCoupon {

    static final String TABLE = "user_coupon";

    enum State { ISSUED, REDEEMED }

    record Key(String couponId, String userId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "coupon_id")
    private String couponId;
    @Id
    @Column(name = "user_id")
    private String userId;
    private long sequence;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "issued_at")
    private Instant issuedAt;

    protected UserCoupon() {
    }

    UserCoupon(String couponId, String userId, long sequence, Instant issuedAt) {
        this.couponId = couponId;
        this.userId = userId;
        this.sequence = sequence;
        this.state = State.ISSUED;
        this.issuedAt = issuedAt;
    }

    void redeemed() {
        state = State.REDEEMED;
    }

    /** The order that used the copy was rejected or cancelled: the copy can be used again. */
    void restored() {
        state = State.ISSUED;
    }
}
