package dev.jangteo.command.web.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static RateLimiter limiter(long capacity, long refill, Duration period) {
        return new RateLimiter(new RateLimitProperties.Bucket(capacity, refill, period), Duration.ofMinutes(10));
    }

    @Test
    void canTakeTheWholeBurstThenIsRefusedAtOnce() {
        RateLimiter limiter = limiter(3, 1, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        }
        long start = System.nanoTime();
        RateLimiter.Decision refused = limiter.tryAcquire("alice");
        assertThat(refused.allowed()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("never waits").isLessThan(Duration.ofSeconds(1));
        assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void cannotLetOneKeySpendAnothersTokens() {
        RateLimiter limiter = limiter(1, 1, Duration.ofHours(1));
        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
    }

    @Test
    void canRoundRetryAfterUpToWholeSeconds() {
        assertThat(RateLimitFilter.ceilSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimitFilter.ceilSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
        assertThat(RateLimitFilter.ceilSeconds(Duration.ofSeconds(3))).isEqualTo(3);
        assertThat(RateLimitFilter.ceilSeconds(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void canForgetIdleBuckets() {
        RateLimiter limiter = new RateLimiter(new RateLimitProperties.Bucket(1, 1, Duration.ofSeconds(1)),
                                              Duration.ZERO);
        limiter.tryAcquire("alice");
        limiter.evictIdle();
        assertThat(limiter.size()).isZero();
    }

    @Test
    void cannotBelieveXForwardedForWithoutTrustedProxies() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.1");
        request.addHeader("X-Forwarded-For", "10.0.0.9");
        assertThat(new ClientAddress(0).of(request)).isEqualTo("192.0.2.1");
    }

    @Test
    void canTakeTheAddressOurProxyAppended() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.1");
        request.addHeader("X-Forwarded-For", "6.6.6.6, 10.0.0.9");
        assertThat(new ClientAddress(1).of(request)).isEqualTo("10.0.0.9");
        assertThat(new ClientAddress(2).of(request)).isEqualTo("6.6.6.6");
        assertThat(new ClientAddress(5).of(request)).isEqualTo("6.6.6.6");
    }
}
