package dev.jangteo.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Where the {@code remote-like} store keeps its events: schema {@value #SCHEMA}, apart from the command side's
 * {@link EventTables}, so that whatever reads {@code command_side.domain_event_entry} finds it empty, as under Axon
 * Server. The tables have the shape of the command side's {@code V1__event_store.sql} (BYTEA, {@code timestamptz},
 * an increment-1 sequence), except that the global index starts at 0 like Axon Server's.
 * <p>
 * Created at start instead of by a Flyway migration: it is a test stand-in that neither app owns, and both may start
 * at the same moment. {@code CREATE ... IF NOT EXISTS} is not safe against a concurrent create (both can pass the
 * check, one then fails on the catalog's unique index), so the creation runs under a transaction-scoped advisory
 * lock.
 */
public final class RemoteStoreSchema {

    public static final String SCHEMA = "remote_store";
    public static final String EVENTS = SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOTS = SCHEMA + ".snapshot_event_entry";

    /** Any number no other advisory lock of ours uses: "RSDDL" in ASCII. */
    private static final long DDL_LOCK = 0x5253_4444_4cL;

    private static final String DDL = """
            CREATE SCHEMA IF NOT EXISTS remote_store;
            CREATE SEQUENCE IF NOT EXISTS remote_store.domain_event_entry_global_index_seq
                MINVALUE 0 START WITH 0 INCREMENT BY 1 CACHE 1;
            CREATE TABLE IF NOT EXISTS remote_store.domain_event_entry (
                global_index         BIGINT       NOT NULL
                                     DEFAULT nextval('remote_store.domain_event_entry_global_index_seq'),
                event_identifier     VARCHAR(255) NOT NULL,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                time_stamp           TIMESTAMPTZ  NOT NULL,
                payload_type         VARCHAR(255) NOT NULL,
                payload_revision     VARCHAR(255),
                payload              BYTEA        NOT NULL,
                meta_data            BYTEA,
                CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
                CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier),
                CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number)
            );
            CREATE INDEX IF NOT EXISTS domain_event_entry_time_stamp_idx
                ON remote_store.domain_event_entry (time_stamp);
            CREATE TABLE IF NOT EXISTS remote_store.snapshot_event_entry (
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255) NOT NULL,
                event_identifier     VARCHAR(255) NOT NULL,
                time_stamp           TIMESTAMPTZ  NOT NULL,
                payload_type         VARCHAR(255) NOT NULL,
                payload_revision     VARCHAR(255),
                payload              BYTEA        NOT NULL,
                meta_data            BYTEA,
                CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
                CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
            );
            """;

    private RemoteStoreSchema() {
    }

    static EventSchema schema() {
        return EventTables.schema(EVENTS, SNAPSHOTS);
    }

    /** Creates the schema unless it exists; safe when several processes start at once. */
    public static void create(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", DDL_LOCK);
            jdbc.execute(DDL);
        });
    }
}
