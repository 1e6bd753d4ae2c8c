package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import dev.jangteo.platform.eventstore.RemoteLikeEventStorageEngine;
import dev.jangteo.platform.eventstore.RemoteStoreSchema;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the seal chain reads the stored events ({@link StoredEvents}), by the store the application uses, told as
 * {@link EventTableRule} tells it: the {@link PostgresEventStorageEngine} on the event table, the
 * {@link RemoteLikeEventStorageEngine} on its own table, or else Axon Server, whose connection manager exists only
 * under the {@code axonserver} profile, where neither engine does and Axon Server is the event store.
 * <p>
 * Decided at the first question, not at start, for the reason {@link EventTableRule} gives; once, since the event
 * table's reader keeps the gaps it watches.
 */
@Component
class StoredEventsRule {

    private final ObjectProvider<PostgresEventStorageEngine> engine;
    private final ObjectProvider<AxonServerConnectionManager> axonServer;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SealProperties properties;
    private StoredEvents events;

    StoredEventsRule(ObjectProvider<PostgresEventStorageEngine> engine,
                     ObjectProvider<AxonServerConnectionManager> axonServer, JdbcClient jdbc, JdbcTemplate template,
                     SealProperties properties) {
        this.engine = engine;
        this.axonServer = axonServer;
        this.jdbc = jdbc;
        this.template = template;
        this.properties = properties;
    }

    synchronized StoredEvents events() {
        if (events == null) {
            events = choose();
        }
        return events;
    }

    private StoredEvents choose() {
        PostgresEventStorageEngine postgres = engine.getIfAvailable();
        if (postgres != null && postgres.keepsEventsInTheEventTable()) {
            return new EventTableStoredEvents(jdbc, template, properties.gapGrace());
        }
        if (postgres instanceof RemoteLikeEventStorageEngine) {
            return new TableStoredEvents(RemoteStoreSchema.EVENTS, 0, jdbc, template);
        }
        AxonServerConnectionManager connections = axonServer.getIfAvailable();
        if (postgres == null && connections != null) {
            return new AxonServerStoredEvents(connections);
        }
        throw new IllegalStateException("The seal chain cannot read the stored events of this event store: "
                                                + (postgres == null ? "no storage engine and no Axon Server"
                                                : postgres.getClass().getName()));
    }
}
