package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(claim(couponId, user).status()).isEqualTo(201);
        }
        await(() -> CouponRace.count(stack.get(), "SELECT count(*) FROM command_side.snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", couponId) > 0);

        stack.get().restartCommandSide(0);

        Http.Response again = claim(couponId, "early-7");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("COUPON_ALREADY_ISSUED");
        Http.Response next = claim(couponId, "late-1");
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.body().get("sequence").asLong()).isEqualTo(24);
        assertThat(stack.get().commandSideLog(0)).as("Axon fell back to a full replay")
                                                 .doesNotContain("Error reading snapshot");
    }

    private static Http.Response claim(String couponId, String userId) {
        return Http.post(stack.command().resolve("/api/coupons/" + couponId + "/issues"), Map.of("userId", userId));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(condition);
    }
}
