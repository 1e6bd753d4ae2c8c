package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Token buckets per client address and per user, on a command side started with tiny ones that do not refill within
 * the test (one token an hour). One trusted proxy hop, so each test plays its own clients through X-Forwarded-For.
 */
class RateLimitIT {

    private static final int PER_IP = 4;
    private static final int PER_USER = 3;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(
            "ratelimit", 1,
            "--jangteo.rate-limits.enabled=true",
            "--jangteo.rate-limits.per-ip.capacity=" + PER_IP,
            "--jangteo.rate-limits.per-ip.refill-tokens=1",
            "--jangteo.rate-limits.per-ip.refill-period=1h",
            "--jangteo.rate-limits.per-user.capacity=" + PER_USER,
            "--jangteo.rate-limits.per-user.refill-tokens=1",
            "--jangteo.rate-limits.per-user.refill-period=1h",
            "--jangteo.rate-limits.trusted-proxy-hops=1");

    @Test
    void cannotExceedTheAddressBucket() {
        String address = "10.0.0.1";
        for (int i = 0; i < PER_IP; i++) {
            assertThat(claim(address, Shop.unique("ip-user")).status()).isNotEqualTo(429);
        }

        Wire.Reply limited = claim(address, Shop.unique("ip-user"));

        assertThat(limited.status()).as("%s", limited).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        // One token an hour: the next one is due in at most 3600 s, rounded up to whole seconds.
        assertThat(Long.parseLong(limited.headers().first("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void canSendFromAnotherAddressWhileOneIsLimited() {
        for (int i = 0; i <= PER_IP; i++) {
            claim("10.0.0.2", Shop.unique("ip-user"));
        }
        assertThat(claim("10.0.0.2", Shop.unique("ip-user")).status()).isEqualTo(429);

        assertThat(claim("10.0.0.3", Shop.unique("ip-user")).status()).isNotEqualTo(429);
    }

    @Test
    void cannotEscapeTheAddressBucketByWritingTheLeftOfXForwardedFor() {
        for (int i = 0; i <= PER_IP; i++) {
            claim("10.0.0.4", Shop.unique("ip-user"));
        }

        Wire.Reply spoofed = Wire.post(stack.command().resolve("/api/coupons/no-coupon/issues"))
                                 .header("X-Forwarded-For", "1.2.3.4, 10.0.0.4")
                                 .json(Map.of("userId", Shop.unique("spoofer"))).send();

        assertThat(spoofed.status()).isEqualTo(429);
    }

    @Test
    void cannotExceedTheUserBucketFromManyAddresses() {
        assumeTrue(authenticates(), "per-user limits need the authenticated user (security not merged yet)");
        String user = Shop.unique("busy");
        for (int i = 0; i < PER_USER; i++) {
            assertThat(claim("10.1.0." + i, user).status()).isNotEqualTo(429);
        }

        Wire.Reply limited = claim("10.1.0.200", user);

        assertThat(limited.status()).as("%s", limited).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.headers().first("Retry-After")).matches("[1-9][0-9]*");
        assertThat(claim("10.1.0.201", Shop.unique("other")).status())
                .as("another user is not limited").isNotEqualTo(429);
    }

    @Test
    void leavesQueriesAlone() {
        for (int i = 0; i <= PER_IP + 1; i++) {
            claim("127.0.0.1", Shop.unique("local"));
        }
        assertThat(Http.get(stack.query().resolve("/api/coupons/no-coupon")).status()).isEqualTo(404);
    }

    /**
     * The coupon race stays fair under limits: a refused claim takes no place and holds nobody up, and the claims let
     * through are numbered in the order they arrived. Claimants take turns between an address whose bucket is empty
     * and addresses of their own, on a coupon with three places.
     */
    @Test
    void keepsTheOrderOfTheClaimsItLetsThrough() {
        String coupon = Wire.post(stack.command().resolve("/api/coupons"))
                            .header("X-Forwarded-For", "10.0.2.0")
                            .json(Map.of("name", "Fair race", "discountType", "FIXED", "discountValue", 1000,
                                         "totalQuantity", 3))
                            .send().json().path("couponId").asText();
        String crowded = "10.0.2.1";
        for (int i = 0; i < PER_IP; i++) {
            claim(crowded, Shop.unique("crowd"));
        }

        List<Integer> statuses = new ArrayList<>();
        List<Long> places = new ArrayList<>();
        for (int turn = 1; turn <= 8; turn++) {
            String address = turn % 2 == 1 ? crowded : "10.0.2." + (10 + turn);
            Wire.Reply reply = Wire.post(stack.command().resolve("/api/coupons/" + coupon + "/issues"))
                                   .header("X-Forwarded-For", address)
                                   .json(Map.of("userId", Shop.unique("racer"))).send();
            statuses.add(reply.status());
            if (reply.status() == 201) {
                places.add(reply.json().path("sequence").asLong());
            }
        }

        assertThat(statuses).containsExactly(429, 201, 429, 201, 429, 201, 429, 409);
        assertThat(places).containsExactly(1L, 2L, 3L);
    }

    /** A claim on a coupon that does not exist: 404 when allowed, and nothing written either way. */
    private static Wire.Reply claim(String address, String userId) {
        return Wire.post(stack.command().resolve("/api/coupons/no-coupon/issues"))
                   .header("X-Forwarded-For", address)
                   .json(Map.of("userId", userId)).send();
    }

    private static boolean authenticates() {
        return Wire.post(stack.command().resolve("/api/coupons/no-coupon/issues")).token(null)
                   .header("X-Forwarded-For", "10.9.9.9")
                   .json(Map.of("userId", "nobody")).send().status() == 401;
    }
}
