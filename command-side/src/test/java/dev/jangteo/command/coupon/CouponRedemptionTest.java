package dev.jangteo.command.coupon;

import dev.jangteo.api.Money;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponRedemptionRefusedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.coupon.RedeemCouponCommand;
import dev.jangteo.api.coupon.ReleaseCouponCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.jangteo.command.coupon.Coupons.ID;
import static dev.jangteo.command.coupon.Coupons.NOW;
import static dev.jangteo.command.coupon.Coupons.defined;
import static dev.jangteo.command.coupon.Coupons.issued;
import static dev.jangteo.command.coupon.Coupons.limited;
import static dev.jangteo.command.coupon.Coupons.validBetween;
import static org.hamcrest.Matchers.instanceOf;

class CouponRedemptionTest {

    private static final Money SUBTOTAL = Money.won(30_000);

    private AggregateTestFixture<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coupon.class);
    }

    private static RedeemCouponCommand redeem(String userId, String orderId) {
        return new RedeemCouponCommand(ID, userId, orderId, SUBTOTAL, NOW);
    }

    /** Exactly one event, a refusal (its wording is not part of the contract). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher onlyARefusal() {
        return Matchers.exactSequenceOf(Matchers.messageWithPayload(instanceOf(CouponRedemptionRefusedEvent.class)),
                                        Matchers.andNoMore());
    }

    @Test
    void canRedeemAHeldCopyForItsFixedDiscount() {
        fixture.given(defined(limited(10)), issued("alice", 1))
               .when(redeem("alice", "o1"))
               .expectEvents(new CouponRedeemedEvent(ID, "alice", "o1", Money.won(1_000)));
    }

    @Test
    void canRedeemAPercentCouponRoundedDown() {
        fixture.given(defined(validBetween(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)))),
                      issued("alice", 1))
               .when(new RedeemCouponCommand(ID, "alice", "o1", Money.won(12_345), NOW))
               .expectEvents(new CouponRedeemedEvent(ID, "alice", "o1", Money.won(1_234)));
    }

    @Test
    void cannotDiscountMoreThanTheSubtotal() {
        fixture.given(defined(limited(10)), issued("alice", 1))
               .when(new RedeemCouponCommand(ID, "alice", "o1", Money.won(300), NOW))
               .expectEvents(new CouponRedeemedEvent(ID, "alice", "o1", Money.won(300)));
    }

    @Test
    void cannotRedeemACopyTheUserDoesNotHold() {
        fixture.given(defined(limited(10)), issued("alice", 1))
               .when(redeem("bob", "o1"))
               .expectEventsMatching(onlyARefusal());
    }

    @Test
    void cannotRedeemACopyInUseByAnotherOrder() {
        fixture.given(defined(limited(10)), issued("alice", 1),
                      new CouponRedeemedEvent(ID, "alice", "o1", Money.won(1_000)))
               .when(redeem("alice", "o2"))
               .expectEventsMatching(onlyARefusal());
    }

    @Test
    void cannotRedeemOutsideTheValidity() {
        fixture.given(defined(validBetween(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)))),
                      issued("alice", 1))
               .when(redeem("alice", "o1"))
               .expectEventsMatching(onlyARefusal());
    }

    @Test
    void cannotRedeemTwiceForOneOrder() {
        fixture.given(defined(limited(10)), issued("alice", 1),
                      new CouponRedeemedEvent(ID, "alice", "o1", Money.won(1_000)))
               .when(redeem("alice", "o1"))
               .expectNoEvents();
    }

    @Test
    void canReleaseARedeemedCopySoItCanBeUsedAgain() {
        fixture.given(defined(limited(10)), issued("alice", 1),
                      new CouponRedeemedEvent(ID, "alice", "o1", Money.won(1_000)),
                      new CouponReleasedEvent(ID, "alice", "o1", true))
               .when(redeem("alice", "o2"))
               .expectEvents(new CouponRedeemedEvent(ID, "alice", "o2", Money.won(1_000)));
    }

    @Test
    void canReleaseOnlyTheOrderThatRedeemed() {
        fixture.given(defined(limited(10)), issued("alice", 1),
                      new CouponRedeemedEvent(ID, "alice", "o1", Money.won(1_000)))
               .when(new ReleaseCouponCommand(ID, "alice", "o2"))
               .expectEvents(new CouponReleasedEvent(ID, "alice", "o2", false));
    }

    @Test
    void cannotRedeemForAnOrderAlreadyReleased() {
        fixture.given(defined(limited(10)), issued("alice", 1), new CouponReleasedEvent(ID, "alice", "o1", false))
               .when(redeem("alice", "o1"))
               .expectNoEvents();
    }
}
