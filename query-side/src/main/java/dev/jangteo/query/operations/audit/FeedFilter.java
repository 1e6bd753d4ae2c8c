package dev.jangteo.query.operations.audit;

import java.time.Instant;

/**
 * Which events of the global feed: after position {@code after}, with a timestamp in {@code [from, to)}, of payload
 * {@code type} (full or simple class name) and {@code aggregateType}; each bound only when not null.
 */
record FeedFilter(Long after, Instant from, Instant to, String type, String aggregateType) {
}
