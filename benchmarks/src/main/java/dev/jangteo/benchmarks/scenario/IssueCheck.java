package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.IssueResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coupon invariants seen from the command responses: exactly the expected number issued,
 * never more than the quantity, and each place 1..N handed out exactly once.
 */
record IssueCheck(long issued, long expected, long quantity, boolean sequencesOk, String sequenceNote) {

    static IssueCheck of(List<IssueResult> results, long expected, long quantity) {
        Map<Long, Integer> seen = new TreeMap<>();
        results.stream().filter(IssueResult::created)
                .forEach(result -> seen.merge(result.sequence(), 1, Integer::sum));
        long issued = seen.values().stream().mapToLong(Integer::longValue).sum();
        long duplicates = seen.values().stream().filter(count -> count > 1).count();
        long outOfRange = seen.keySet().stream().filter(sequence -> sequence < 1 || sequence > issued).count();
        boolean sequencesOk = duplicates == 0 && outOfRange == 0;
        String note = sequencesOk
                ? (issued == 0 ? "seq=none" : "seq=1.." + issued + " once each")
                : "seq BROKEN (" + duplicates + " duplicated, " + outOfRange + " outside 1.." + issued + ")";
        return new IssueCheck(issued, expected, quantity, sequencesOk, note);
    }

    boolean ok() {
        return issued == expected && sequencesOk;
    }

    boolean oversold() {
        return issued > quantity;
    }

    /** "issued=50/50 seq=1..50 once each" */
    String describe() {
        String count = "issued=" + issued + "/" + expected + (oversold() ? " OVERSOLD" : "");
        return count + " " + sequenceNote;
    }
}
