package dev.jangteo.command.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jangteo.platform.axon.AxonPlatformConfiguration;
import dev.jangteo.platform.axon.UniqueViolationResolver;
import dev.jangteo.platform.eventstore.PostgresEventStorageEngine;
import dev.jangteo.platform.eventstore.RemoteLikeEventStorageEngine;
import dev.jangteo.platform.eventstore.RemoteStoreSchema;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * A database of its own on the local PostgreSQL for one test, with the command side's migrations applied (so
 * {@code command_side.domain_event_entry} exists), and the two event storage engines the apps configure on it: the
 * JDBC store of the default profile and the {@code remote-like} one. Closing drops the database.
 */
public final class EventStoreDatabase implements AutoCloseable {

    /** The stores the apps configure without Axon Server, and where each puts its first event. */
    public enum Store {
        JDBC(EventStoreDatabase::jdbcEngine, 1),
        REMOTE_LIKE(EventStoreDatabase::remoteLikeEngine, 0);

        private final Function<EventStoreDatabase, EventStorageEngine> engine;
        private final long firstPosition;

        Store(Function<EventStoreDatabase, EventStorageEngine> engine, long firstPosition) {
            this.engine = engine;
            this.firstPosition = firstPosition;
        }

        public EventStorageEngine engineOn(EventStoreDatabase database) {
            return engine.apply(database);
        }

        public long firstPosition() {
            return firstPosition;
        }
    }

    private static final String ADMIN_URL = System.getProperty("jangteo.it.database",
                                                               "jdbc:postgresql://127.0.0.1:5432/jangteo");
    private static final String USER = "jangteo";
    private static final String PASSWORD = "jangteo";

    private final String name;
    private final HikariDataSource dataSource;
    private final List<EmbeddedEventStore> eventStores = new ArrayList<>();
    private final Serializer serializer = JacksonSerializer.builder()
                                                           .objectMapper(new AxonPlatformConfiguration()
                                                                                 .defaultAxonObjectMapper())
                                                           .build();

    public EventStoreDatabase(String testName) {
        name = ("jangteo_it_" + testName + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name + " OWNER " + USER);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource)
              .schemas("command_side", "personal_data").defaultSchema("command_side")
              .locations("classpath:db/migration/command_side")
              .load().migrate();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionManager transactionManager() {
        return new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    /** What the default profile appends to: {@code command_side.domain_event_entry}. */
    public EventStorageEngine jdbcEngine() {
        return new PostgresEventStorageEngine(serializer, serializer, NoOpEventUpcaster.INSTANCE,
                                              new AxonPlatformConfiguration().connectionProvider(dataSource),
                                              transactionManager(), new UniqueViolationResolver());
    }

    /** What the {@code remote-like} profile appends to, its schema created as the apps create it at start. */
    public RemoteLikeEventStorageEngine remoteLikeEngine() {
        RemoteStoreSchema.create(dataSource);
        return new RemoteLikeEventStorageEngine(serializer, serializer, NoOpEventUpcaster.INSTANCE,
                                                new AxonPlatformConfiguration().connectionProvider(dataSource),
                                                transactionManager(), new UniqueViolationResolver());
    }

    /** The event store the apps build on {@code engine}; shut down when the database closes. */
    public EmbeddedEventStore eventStoreOn(EventStorageEngine engine) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        eventStores.add(eventStore);
        return eventStore;
    }

    /** An event of aggregate {@code aggregateId} at {@code sequence}, happened at {@code timestamp}. */
    public static GenericDomainEventMessage<Noted> event(String aggregateId, long sequence, Instant timestamp) {
        return new GenericDomainEventMessage<>("Note", aggregateId, sequence, new Noted(aggregateId + "#" + sequence),
                                               MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp);
    }

    public static GenericDomainEventMessage<Noted> event(String aggregateId, long sequence) {
        return event(aggregateId, sequence, Instant.now());
    }

    /** A payload with nothing of the domain in it. */
    public record Noted(String text) {
    }

    @Override
    public void close() {
        eventStores.forEach(EmbeddedEventStore::shutDown);
        dataSource.close();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + ADMIN_URL, e);
        }
    }
}
