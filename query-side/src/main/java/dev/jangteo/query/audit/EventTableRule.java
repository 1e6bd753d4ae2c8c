package dev.jangteo.query.audit;

import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import dev.jangteo.platform.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether the PostgreSQL event table is the event store, by one rule: the application has a
 * {@link PostgresEventStorageEngine} that keeps its events in that table. Under Axon Server there is none; the
 * {@code remote-like} profile's engine keeps them in tables of its own. Otherwise an aggregate's history and state
 * and the global feed read through Axon's API instead, and the seal chain and its check, which hash the stored bytes
 * of the table, answer 501 {@value #CODE}.
 * <p>
 * Decided at the first question, not at start: the engine is declared as an {@code EventStorageEngine}, so its own
 * class is only known once it exists, and every question comes after the application has started.
 */
@Component
class EventTableRule {

    static final String CODE = "AUDIT_NEEDS_EVENT_TABLE";

    private final ObjectProvider<PostgresEventStorageEngine> engine;
    private final TableAggregateEvents tableAggregates;
    private final StoreAggregateEvents storeAggregates;
    private final TableFeed tableFeed;
    private final StoreFeed storeFeed;
    private volatile Boolean holdsTheEvents;

    EventTableRule(ObjectProvider<PostgresEventStorageEngine> engine, TableAggregateEvents tableAggregates,
                   StoreAggregateEvents storeAggregates, TableFeed tableFeed, StoreFeed storeFeed) {
        this.engine = engine;
        this.tableAggregates = tableAggregates;
        this.storeAggregates = storeAggregates;
        this.tableFeed = tableFeed;
        this.storeFeed = storeFeed;
    }

    boolean holdsTheEvents() {
        if (holdsTheEvents == null) {
            PostgresEventStorageEngine postgres = engine.getIfAvailable();
            holdsTheEvents = postgres != null && postgres.keepsEventsInTheEventTable();
        }
        return holdsTheEvents;
    }

    AggregateEvents aggregateEvents() {
        return holdsTheEvents() ? tableAggregates : storeAggregates;
    }

    GlobalFeed feed() {
        return holdsTheEvents() ? tableFeed : storeFeed;
    }

    /** Refuses {@code feature} when the table is not the store. */
    void require(String feature) {
        if (!holdsTheEvents()) {
            throw new ApiException(HttpStatus.NOT_IMPLEMENTED, CODE, feature + " reads the PostgreSQL event table, "
                    + "and the event store in use keeps its events elsewhere; an aggregate's history and state and "
                    + "the feed still answer");
        }
    }
}
