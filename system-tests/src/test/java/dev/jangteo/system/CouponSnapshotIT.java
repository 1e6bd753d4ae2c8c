package dev.jangteo.system;

import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restarted command side has no cached coupon: it loads the latest snapshot (the holder set, read back by
 * Jackson) plus the events after it, and decides exactly as before.
 */
class CouponSnapshotIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("snapshot", 1, "--jangteo.coupons.snapshot-threshold=5");

    @Test
    void canDecideFromASnapshotAfterARestart() throws Exception {
        String couponId = CouponRace.define(stack.command(), 30);
        for (String user : CouponRace.users("early", 23)) {
            assertThat(CouponRace.claim(stack.command(), couponId, user).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.get().snapshotsOf(couponId) > 0);

        stack.get().restartCommandSide(0);

        Answer again = CouponRace.claim(stack.command(), couponId, "early-7");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("COUPON_ALREADY_ISSUED");
        Answer next = CouponRace.claim(stack.command(), couponId, "late-1");
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.body().get("sequence").asLong()).isEqualTo(24);
        assertThat(stack.get().commandSideLog(0)).as("Axon fell back to a full replay")
                                                 .doesNotContain("Error reading snapshot");
    }
}
