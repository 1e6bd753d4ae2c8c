package dev.jangteo.query.operations.audit;

import java.util.List;
import java.util.function.Consumer;

/**
 * The global feed of the audit API: from the PostgreSQL event table where it is the store ({@link TableFeed}), else
 * from the event store's stream ({@link StoreFeed}). {@link EventTableRule} says which.
 */
interface GlobalFeed {

    /** At most {@code limit} events of the filter in global order, and the {@code after} of the next page. */
    Page page(FeedFilter filter, int limit);

    /** Every event of the filter in global order, without holding them in memory. */
    void stream(FeedFilter filter, Consumer<AuditEvent> consumer);

    /** @param next the {@code after} of the next page, null on the last page */
    record Page(List<AuditEvent> events, Long next) {
    }
}
