package dev.jangteo.api.coupon;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Commands that can never be valid cannot be built. */
class CouponTermsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void cannotDefineWithoutName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CouponTerms(" ", DiscountType.FIXED, 1000, 10, null, null))
                .withMessageContaining("name");
    }

    @Test
    void cannotDefineWithoutCopies() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CouponTerms("x", DiscountType.FIXED, 1000, 0, null, null))
                .withMessageContaining("totalQuantity");
    }

    @Test
    void cannotDefineNegativeDiscount() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CouponTerms("x", DiscountType.FIXED, -5, 10, null, null))
                .withMessageContaining("discountValue");
    }

    @Test
    void cannotDefinePercentAboveHundred() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CouponTerms("x", DiscountType.PERCENT, 101, 10, null, null))
                .withMessageContaining("discountValue");
    }

    @Test
    void cannotDefineWindowThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CouponTerms("x", DiscountType.FIXED, 1, 10, NOW, NOW))
                .withMessageContaining("validUntil");
    }

    @Test
    void canTellWhetherAMomentIsInsideTheHalfOpenWindow() {
        CouponTerms terms = new CouponTerms("x", DiscountType.FIXED, 1, 10, NOW, NOW.plusSeconds(60));

        assertThat(terms.isValidAt(NOW.minusNanos(1))).isFalse();
        assertThat(terms.isValidAt(NOW)).isTrue();
        assertThat(terms.isValidAt(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void cannotClaimWithoutUser() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IssueRequest("", NOW));
    }

    @Test
    void cannotClaimWithOverlongUserId() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IssueRequest("u".repeat(65), NOW));
    }

    @Test
    void cannotSendAnEmptyBatch() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IssueCouponCommand("c", List.of()));
    }
}
