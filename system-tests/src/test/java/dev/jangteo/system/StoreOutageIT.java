package dev.jangteo.system;

import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away under both apps and comes back: meanwhile commands and queries answer 503 with
 * Retry-After, nothing half-done is stored, and afterwards both sides carry on where they were. Under Axon Server,
 * where PostgreSQL holds no events, the command is taken meanwhile and projected afterwards.
 */
class StoreOutageIT {

    static final TcpProxy database = TcpProxy.to(Stack.postgres());

    @RegisterExtension
    static final StackExtension stack = new StackExtension("outage", 1, database);

    @Test
    void canAnswer503WhileTheStoreIsDownAndLoseNothing() throws Exception {
        String couponId = CouponRace.claimedAndProjected(stack, 20, 5);

        database.cut();
        Answer refused = CouponRace.claim(stack.command(), couponId, "during");
        Answer unread = Http.get(stack.query().resolve("/api/coupons/" + couponId));
        database.restore();

        assertUnavailable(unread);
        if (!Stack.eventTableIsTheStore()) {
            // Under Axon Server a claim needs only the event store: taken while PostgreSQL is down, and projected
            // once it is back.
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(201);
            assertThat(refused.body().get("sequence").asLong()).isEqualTo(6);
            assertThat(CouponRace.claim(stack.command(), couponId, "after").body().get("sequence").asLong())
                    .isEqualTo(7);
            assertThat(CouponRace.issuedEvents(stack.get(), couponId)).hasSize(7);
            CouponRace.awaitProjected(stack.query(), couponId, 7);
            return;
        }
        assertUnavailable(refused);
        Answer retried = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                                .until(() -> CouponRace.claim(stack.command(), couponId, "during"),
                                       response -> response.status() != 503);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().get("sequence").asLong()).as("the refused claim left nothing behind").isEqualTo(6);
        assertThat(CouponRace.claim(stack.command(), couponId, "after").body().get("sequence").asLong()).isEqualTo(7);
        assertThat(CouponRace.issuedEvents(stack.get(), couponId)).hasSize(7);
        CouponRace.awaitProjected(stack.query(), couponId, 7);
    }

    private static void assertUnavailable(Answer response) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
    }
}
