package dev.jangteo.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.Money;
import dev.jangteo.api.coupon.CouponDefinedEvent;
import dev.jangteo.api.coupon.CouponIssuedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.coupon.CouponTerms;
import dev.jangteo.api.coupon.DiscountType;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A held coupon shows REDEEMED while an order uses it, and ISSUED again once that order gives it back. */
class CouponRedemptionIT extends QuerySideStack {

    private static final String AGGREGATE = "Coupon";

    @Test
    void canShowACopyRedeemedThenRestored() {
        String coupon = Ids.of("coupon");
        String user = Ids.of("user");
        history.append(AGGREGATE, coupon,
                       new CouponDefinedEvent(coupon, new CouponTerms("Welcome", DiscountType.FIXED, 1_000, 10,
                                                                      null, null)),
                       new CouponIssuedEvent(coupon, user, 1, Instant.now()));

        long redeemed = history.append(AGGREGATE, coupon,
                                       new CouponRedeemedEvent(coupon, user, "order-1", Money.won(1_000)));
        assertThat(stateOf(user, redeemed)).isEqualTo("REDEEMED");

        long kept = history.append(AGGREGATE, coupon, new CouponReleasedEvent(coupon, user, "order-2", false));
        assertThat(stateOf(user, kept)).isEqualTo("REDEEMED");

        long restored = history.append(AGGREGATE, coupon, new CouponReleasedEvent(coupon, user, "order-1", true));
        assertThat(stateOf(user, restored)).isEqualTo("ISSUED");
    }

    private String stateOf(String user, long position) {
        Answer held = http.get("/api/users/" + user + "/coupons", position);
        assertThat(held.header("X-Consistency")).isEqualTo("CONSISTENT");
        JsonNode copies = held.body().path("coupons");
        assertThat(copies).hasSize(1);
        return copies.get(0).path("state").asText();
    }
}
