package dev.jangteo.command.web;

import dev.jangteo.command.eventstore.EventStoreDatabase;
import dev.jangteo.command.eventstore.EventStoreDatabase.Store;
import dev.jangteo.platform.eventstore.EventStoreHead;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.Stream;

import static dev.jangteo.command.eventstore.EventStoreDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consistency token after a command, on the JDBC store and on the remote-like one, whose command-side event table
 * stays empty as under Axon Server: a decimal position at or after the aggregate's last event.
 */
class ConsistencyTokensIT {

    private EventStoreDatabase database;
    private EventStorageEngine engine;
    private EmbeddedEventStore events;

    @AfterEach
    void drop() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void canGiveThePositionOfTheLastEvent(Store store) {
        database = new EventStoreDatabase("tokens_" + store.name());
        engine = store.engineOn(database);
        events = database.eventStoreOn(engine);
        ConsistencyTokens tokens = new ConsistencyTokens(new EventStoreHead(events));
        events.publish(event("a", 0), event("a", 1));

        assertThat(tokens.afterCommit()).isEqualTo(Long.toString(lastPosition()))
                                                .isEqualTo(Long.toString(store.firstPosition() + 1));
    }

    @Test
    void canGiveNoTokenForAnEmptyStore() {
        database = new EventStoreDatabase("tokens_empty");
        engine = database.remoteLikeEngine();
        events = database.eventStoreOn(engine);

        assertThat(new ConsistencyTokens(new EventStoreHead(events)).afterCommit()).isNull();
    }

    private long lastPosition() {
        try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
            return all.reduce((first, second) -> second).orElseThrow().trackingToken().position().orElseThrow();
        }
    }
}
