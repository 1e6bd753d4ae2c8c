package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the PostgreSQL event table is the event store, by one rule: the application has a
 * {@link PostgresEventStorageEngine} that keeps its events in that table. Under Axon Server there is none; the
 * {@code remote-like} profile's engine keeps them in tables of its own. Otherwise an aggregate's history and state
 * and the global feed read through Axon's API instead. (The seal chain reads every store: {@link StoredEventsRule}.)
 * <p>
 * Decided at the first question, not at start: the engine is declared as an {@code EventStorageEngine}, so its own
 * class is only known once it exists, and every question comes after the application has started.
 */
@Component
class EventTableRule {

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
}
