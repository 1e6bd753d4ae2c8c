package dev.jangteo.command.eventstore;

import dev.jangteo.command.eventstore.EventStoreDatabase.Store;
import dev.jangteo.platform.eventstore.EventStoreHead;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.jangteo.command.eventstore.EventStoreDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head of the store and the time of an event, through Axon's event store API, on both stores the apps configure
 * without Axon Server: the JDBC one (gap-aware tokens, first event at 1) and the remote-like one (global sequence
 * tokens, first event at 0).
 */
class EventStoreHeadIT {

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));

    private EventStoreDatabase database;
    private EmbeddedEventStore events;

    private EventStoreHead on(Store store) {
        database = new EventStoreDatabase("head_" + store.name());
        events = database.eventStoreOn(store.engineOn(database));
        return new EventStoreHead(events);
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void canTellAnEmptyStore(Store store) {
        EventStoreHead head = on(store);

        assertThat(head.head()).isEqualTo(-1);
        assertThat(head.timeOf(store.firstPosition())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void canGiveThePositionOfTheLastEvent(Store store) {
        EventStoreHead head = on(store);
        events.publish(event("a", 0), event("a", 1), event("b", 0));

        assertThat(head.head()).isEqualTo(store.firstPosition() + 2);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void canGiveTheTimeOfTheEventAtAPosition(Store store) {
        EventStoreHead head = on(store);
        publishThreeMinutesApart();
        long first = store.firstPosition();

        assertThat(head.timeOf(first)).contains(START);
        assertThat(head.timeOf(first + 1)).contains(START.plusSeconds(180));
        assertThat(head.timeOf(first + 2)).contains(START.plusMillis(360_500));
        assertThat(head.timeOf(first + 3)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void canMeasureHowFarBehindAPositionIs(Store store) {
        EventStoreHead head = on(store);
        publishThreeMinutesApart();
        long first = store.firstPosition();

        assertThat(head.lagSeconds(first, head.head())).isEqualTo(360.5);
        assertThat(head.lagSeconds(first + 1, head.head())).isEqualTo(180.5);
        assertThat(head.lagSeconds(head.head(), head.head())).isZero();
    }

    private void publishThreeMinutesApart() {
        events.publish(event("a", 0, START), event("a", 1, START.plusSeconds(180)),
                       event("a", 2, START.plusMillis(360_500)));
    }
}
