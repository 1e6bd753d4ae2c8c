package dev.jangteo.query.ranking;

import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one processor batch changes in the rankings, written to Redis in one script call when the batch commits.
 * {@code sign} is 1 for a payment and -1 for a cancellation (which counts against the day it was paid).
 */
final class RankingBatch {

    record Line(String productId, long quantity, long revenue) {
    }

    record Change(String eventId, LocalDate day, int sign, List<Line> lines, Instant occurredAt, boolean live) {
    }

    record Product(String name, String category) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Product> products = new LinkedHashMap<>();
    private TrackingToken lastToken;

    void add(Change change, TrackingToken token) {
        changes.add(change);
        lastToken = token;
    }

    void product(String productId, Product product, TrackingToken token) {
        products.put(productId, product);
        lastToken = token;
    }

    List<Change> changes() {
        return changes;
    }

    Map<String, Product> products() {
        return products;
    }

    /** The token of the last event in this batch (null when none carried one). */
    TrackingToken lastToken() {
        return lastToken;
    }
}
