package dev.jangteo.query.config;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The event store the projections read, as Axon's auto-configuration builds it, with a shorter idle poll. Here the
 * events are appended by another process (the command side), so no local append wakes the reader: with Axon's
 * default of 1 s, a read-your-writes wait would last up to a second. Off under the {@code axonserver} profile,
 * where Axon Server pushes events.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventPollingConfiguration {

    /** {@code fetchDelay}: how long the reader waits before asking the event table again when it found nothing. */
    @ConfigurationProperties("jangteo.events")
    record EventPollingProperties(Duration fetchDelay) {
    }

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  EventPollingProperties properties) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .fetchDelay(properties.fetchDelay().toMillis())
                                 .build();
    }
}
