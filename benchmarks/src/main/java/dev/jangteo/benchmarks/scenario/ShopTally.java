package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Latencies;
import dev.jangteo.benchmarks.measure.Outcomes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the shop's buyers did in the measured window, counted from many threads. */
final class ShopTally {

    private final Latencies paidLatencies = new Latencies();
    private final Latencies cancelLatencies = new Latencies();
    private final LongAdder paid = new LongAdder();
    private final LongAdder paidWithCoupon = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder couponsRanOut = new LongAdder();
    /** REJECTED orders by reason. */
    private final Outcomes rejected = new Outcomes();
    /** Anything that is neither an outcome of the API's rules nor CANCELLED after a cancellation, by label. */
    private final Outcomes errors = new Outcomes();

    void paid(long nanos, boolean withCoupon) {
        paid.increment();
        paidLatencies.record(nanos);
        if (withCoupon) {
            paidWithCoupon.increment();
        }
    }

    void rejected(String reason) {
        rejected.record(reason.isEmpty() ? "UNKNOWN" : reason);
    }

    void cancelled(long nanos) {
        cancelled.increment();
        cancelLatencies.record(nanos);
    }

    void error(String label) {
        errors.record(label);
    }

    void couponRanOut() {
        couponsRanOut.increment();
    }

    long paid() {
        return paid.sum();
    }

    long errors() {
        return errors.total();
    }

    Latencies paidLatencies() {
        return paidLatencies;
    }

    /** "rejected=3 (INSUFFICIENT_FUNDS=3) cancelled=12 errors=0 paid-with-coupon=40" */
    String describe() {
        return "rejected=" + rejected.total() + (rejected.total() == 0 ? "" : " (" + rejected.describe() + ")")
                + " cancelled=" + cancelled.sum() + " (p99=" + Fmt.millis(cancelLatencies.percentileMillis(99))
                + ") errors=" + errors.total() + (errors.total() == 0 ? "" : " (" + errors.describe() + ")")
                + " paid-with-coupon=" + paidWithCoupon.sum()
                + (couponsRanOut.sum() == 0 ? "" : " coupon-claims-ran-out=" + couponsRanOut.sum());
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> latency = new LinkedHashMap<>(paidLatencies.figures());
        latency.put("p95Ms", Fmt.round(paidLatencies.percentileMillis(95)));
        figures.put("placeToPaid", latency);
        figures.put("paid", paid.sum());
        figures.put("paidWithCoupon", paidWithCoupon.sum());
        figures.put("rejected", rejected.total());
        figures.put("rejectedByReason", rejected.asMap());
        figures.put("cancelled", cancelled.sum());
        figures.put("cancellationToCancelled", cancelLatencies.figures());
        figures.put("errors", errors.total());
        figures.put("errorsByLabel", errors.asMap());
        figures.put("couponClaimsRanOut", couponsRanOut.sum());
        return figures;
    }
}
