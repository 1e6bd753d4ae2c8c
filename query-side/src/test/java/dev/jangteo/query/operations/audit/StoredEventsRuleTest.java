package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import dev.jangteo.platform.eventstore.RemoteLikeEventStorageEngine;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which reader the seal chain gets for each event store the application can run on. */
class StoredEventsRuleTest {

    private static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();
    /** Never asked: choosing a reader reads nothing. */
    private static final ConnectionProvider NO_CONNECTION = () -> {
        throw new IllegalStateException("no database in this test");
    };

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

    private StoredEvents chosen() {
        return new StoredEventsRule(beans.getBeanProvider(PostgresEventStorageEngine.class),
                                    beans.getBeanProvider(AxonServerConnectionManager.class), null, null,
                                    new SealProperties(true, Duration.ofMillis(200), 100, Duration.ofSeconds(1),
                                                       Duration.ofHours(1))).events();
    }

    @Test
    void canReadTheEventTableWatchingItsGaps() {
        beans.addBean("engine", new PostgresEventStorageEngine(SERIALIZER, SERIALIZER, NoOpEventUpcaster.INSTANCE,
                                                               NO_CONNECTION, NoTransactionManager.INSTANCE, null));

        StoredEvents events = chosen();

        assertThat(events).isInstanceOf(EventTableStoredEvents.class);
        assertThat(events.first()).isEqualTo(1);
    }

    @Test
    void canReadTheRemoteLikeTableWithoutWaitingAtItsHoles() {
        beans.addBean("engine", new RemoteLikeEventStorageEngine(SERIALIZER, SERIALIZER, NoOpEventUpcaster.INSTANCE,
                                                                 NO_CONNECTION, NoTransactionManager.INSTANCE,
                                                                 null));

        StoredEvents events = chosen();

        assertThat(events).isExactlyInstanceOf(TableStoredEvents.class);
        assertThat(events.first()).isZero();
    }

    @Test
    void canReadAxonServerWhereItIsTheStore() {
        // Pointed nowhere: the test must not reach an Axon Server, and choosing connects to nothing.
        AxonServerConnectionManager connections =
                AxonServerConnectionManager.builder()
                                           .axonServerConfiguration(AxonServerConfiguration.builder()
                                                                                           .servers("127.0.0.1:1")
                                                                                           .build())
                                           .build();
        try {
            beans.addBean("axonServerConnectionManager", connections);

            StoredEvents events = chosen();

            assertThat(events).isInstanceOf(AxonServerStoredEvents.class);
            assertThat(events.first()).isZero();
        } finally {
            connections.shutdown();
        }
    }

    @Test
    void cannotReadAStoreItDoesNotKnow() {
        assertThatThrownBy(this::chosen).isInstanceOf(IllegalStateException.class);
    }
}
