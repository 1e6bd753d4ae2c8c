package dev.jangteo.benchmarks.measure;

import dev.jangteo.benchmarks.http.IssueResult;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of outcomes by label ("201", "409 COUPON_SOLD_OUT", "http 500", "error timeout"), thread-safe. */
public final class Outcomes {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(IssueResult result) {
        record(result.label());
    }

    public void record(String label) {
        counts.computeIfAbsent(label, key -> new LongAdder()).increment();
    }

    public void add(Outcomes other) {
        other.counts.forEach((label, count) ->
                counts.computeIfAbsent(label, key -> new LongAdder()).add(count.sum()));
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long created() {
        return count("201");
    }

    public long count(String label) {
        LongAdder count = counts.get(label);
        return count == null ? 0 : count.sum();
    }

    /** Requests that got no HTTP answer at all (timeouts, refused or broken connections). */
    public long transportErrors() {
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("error "))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** Every outcome other than 201. */
    public long notCreated() {
        return total() - created();
    }

    /** Sorted label → count, for the JSON report. */
    public Map<String, Long> asMap() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((label, count) -> sorted.put(label, count.sum()));
        return sorted;
    }

    /** "201=50 409/COUPON_SOLD_OUT=50" */
    public String describe() {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        asMap().forEach((label, count) -> {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(label.replace(' ', '/')).append('=').append(count);
        });
        return text.toString();
    }
}
