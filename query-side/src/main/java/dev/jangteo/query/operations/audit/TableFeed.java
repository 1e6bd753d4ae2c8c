package dev.jangteo.query.operations.audit;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/** The global feed read from the PostgreSQL event table, by position, through its indexes. */
@Component
class TableFeed implements GlobalFeed {

    private final EventTable events;
    private final CurrentShape shape;

    TableFeed(EventTable events, CurrentShape shape) {
        this.events = events;
        this.shape = shape;
    }

    @Override
    public Page page(FeedFilter filter, int limit) {
        List<StoredEvent> page = events.feed(filter, limit + 1);
        boolean more = page.size() > limit;
        List<StoredEvent> shown = more ? page.subList(0, limit) : page;
        List<AuditEvent> items = shown.stream().flatMap(stored -> shape.readable(stored).stream()).toList();
        return new Page(items, more ? shown.getLast().position() : null);
    }

    @Override
    public void stream(FeedFilter filter, Consumer<AuditEvent> consumer) {
        events.streamFeed(filter, stored -> shape.readable(stored).forEach(consumer));
    }
}
