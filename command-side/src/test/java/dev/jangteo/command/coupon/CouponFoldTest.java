package dev.jangteo.command.coupon;

import dev.jangteo.api.Money;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponRedemptionRefusedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.command.FoldAgreement;
import dev.jangteo.command.FoldAgreement.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.quicktheories.QuickTheory.qt;

/**
 * The audit fold of coupons keeps what the Coupon keeps, whatever its history: a user issued a copy twice, orders
 * redeeming twice or with a copy in use, released without a redemption or twice, redemptions after a release. A
 * failure prints the shortest history found and its seed, replayed with {@code -DQT_SEED=...}.
 */
class CouponFoldTest {

    private enum Kind { ISSUE, REDEEM, REFUSE_REDEMPTION, RELEASE }

    @Test
    void foldAgreesWithTheCouponOnAnyHistory() {
        FoldAgreement<Coupon> agreement = FoldAgreement.of(Coupon.class, Coupon::new);

        qt().withExamples(1_000)
            .forAll(FoldAgreement.steps(Kind.class).map(CouponFoldTest::history))
            .checkAssert(agreement::check);
    }

    /** A release restores the copy when the generated redemption of its user went to that order, as the coupon says. */
    private static List<Object> history(List<Step<Kind>> steps) {
        List<Object> events = new ArrayList<>(List.of(Coupons.defined(Coupons.limited(100))));
        long issued = 0;
        Map<String, String> redemptions = new HashMap<>();
        for (Step<Kind> step : steps) {
            String userId = "user-" + step.id();
            String orderId = "order-" + step.other();
            events.add(switch (step.kind()) {
                case ISSUE -> Coupons.issued(userId, ++issued);
                case REDEEM -> {
                    redemptions.put(userId, orderId);
                    yield new CouponRedeemedEvent(Coupons.ID, userId, orderId, Money.won(1_000));
                }
                case REFUSE_REDEMPTION -> new CouponRedemptionRefusedEvent(Coupons.ID, userId, orderId,
                                                                           "the user holds no copy of this coupon");
                case RELEASE -> {
                    boolean restored = redemptions.remove(userId, orderId);
                    yield new CouponReleasedEvent(Coupons.ID, userId, orderId, restored);
                }
            });
        }
        return events;
    }
}
