package dev.jangteo.command.web.ratelimit;

import dev.jangteo.platform.web.ErrorCodes;
import dev.jangteo.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Refuses a command over its bucket with 429 {@code RATE_LIMITED} and {@code Retry-After} (whole seconds, rounded
 * up). The refusal is immediate, and an allowed request goes on untouched: no queue, no sleep, no reordering. So
 * the requests that reach the coupon aggregate (whose issue desk decides in arrival order) keep their order, and a
 * limit can refuse a claim but never let a later claim overtake an earlier one.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final Function<HttpServletRequest, String> keyOf;
    private final String what;

    /**
     * @param keyOf the bucket of a request, null for none (no authenticated user, for the per-user limit)
     * @param what  whose limit, for the problem's detail: "user", "address"
     */
    RateLimitFilter(RateLimiter limiter, Function<HttpServletRequest, String> keyOf, String what) {
        this.limiter = limiter;
        this.keyOf = keyOf;
        this.what = what;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf.apply(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision decision = limiter.tryAcquire(key);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ceilSeconds(decision.retryAfter())));
        ProblemWriter.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                            "Too many commands from this " + what + "; retry after the time in Retry-After");
    }

    static long ceilSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
