package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.CouponView;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Waits (bounded) for the eventually consistent query side to show a coupon's issued count. */
final class QuerySide {

    private static final Duration POLL = Duration.ofMillis(50);

    private QuerySide() {
    }

    /**
     * What the query side said last.
     *
     * @param issued  its last issued count, or -1 if it never showed the coupon
     * @param matched whether it reached {@code expected} within the wait
     * @param millis  from the start of the wait to the match (or to giving up)
     */
    record Settled(long issued, long expected, boolean matched, long millis) {

        /** "query=50 after 120ms" | "query=48/50 not caught up in 10000ms" | "query=absent" */
        String describe() {
            if (matched) {
                return "query=" + issued + " after " + millis + "ms";
            }
            if (issued < 0) {
                return "query=absent after " + millis + "ms";
            }
            return "query=" + issued + "/" + expected + " not caught up in " + millis + "ms";
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("queryIssued", issued);
            figures.put("queryExpected", expected);
            figures.put("queryMatched", matched);
            figures.put("querySettleMs", millis);
            return figures;
        }
    }

    static Settled await(ApiClient api, String couponId, long expected, Duration maxWait) {
        long start = System.nanoTime();
        long deadline = start + maxWait.toNanos();
        long issued = -1;
        while (true) {
            Optional<CouponView> view = api.coupon(couponId);
            if (view.isPresent()) {
                issued = view.get().issued();
                if (issued == expected) {
                    return new Settled(issued, expected, true, elapsedMillis(start));
                }
            }
            if (System.nanoTime() >= deadline || !pause()) {
                return new Settled(issued, expected, false, elapsedMillis(start));
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
