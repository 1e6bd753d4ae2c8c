package dev.jangteo.query.audit;

import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import dev.jangteo.platform.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether the PostgreSQL event table is the event store, by one rule: the application has a
 * {@link PostgresEventStorageEngine}. Under Axon Server there is none, and another engine keeps its events
 * elsewhere. The audit features that read the table (the global feed and its export, the seal chain and its check)
 * answer 501 {@value #CODE} otherwise; an aggregate's history and state read through Axon's API instead.
 * <p>
 * Decided at the first question, not at start: the engine is declared as an {@code EventStorageEngine}, so its own
 * class is only known once it exists, and every question comes after the application has started.
 */
@Component
class EventTableRule {

    static final String CODE = "AUDIT_NEEDS_EVENT_TABLE";

    private final ObjectProvider<PostgresEventStorageEngine> engine;
    private final TableAggregateEvents table;
    private final StoreAggregateEvents store;
    private volatile Boolean holdsTheEvents;

    EventTableRule(ObjectProvider<PostgresEventStorageEngine> engine, TableAggregateEvents table,
                   StoreAggregateEvents store) {
        this.engine = engine;
        this.table = table;
        this.store = store;
    }

    boolean holdsTheEvents() {
        if (holdsTheEvents == null) {
            holdsTheEvents = engine.getIfAvailable() != null;
        }
        return holdsTheEvents;
    }

    AggregateEvents aggregateEvents() {
        return holdsTheEvents() ? table : store;
    }

    /** Refuses {@code feature} when the table is not the store. */
    void require(String feature) {
        if (!holdsTheEvents()) {
            throw new ApiException(HttpStatus.NOT_IMPLEMENTED, CODE, feature + " reads the PostgreSQL event table, "
                    + "and the event store in use keeps its events elsewhere; an aggregate's history and state "
                    + "still answer");
        }
    }
}
