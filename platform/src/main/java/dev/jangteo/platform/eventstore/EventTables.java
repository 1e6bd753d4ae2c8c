package dev.jangteo.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Where the event store lives: the command side owns schema {@value #SCHEMA} (Flyway migration
 * {@code V1__event_store.sql}); the query side only reads its event table. Column names are snake_case so that an
 * auditor reading the table with plain SQL needs no quoting.
 */
public final class EventTables {

    public static final String SCHEMA = "command_side";
    public static final String EVENTS = SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOTS = SCHEMA + ".snapshot_event_entry";

    private EventTables() {
    }

    public static EventSchema schema() {
        return schema(EVENTS, SNAPSHOTS);
    }

    /** Our column names on the given tables: the {@code remote-like} store keeps the same shape elsewhere. */
    static EventSchema schema(String events, String snapshots) {
        return EventSchema.builder()
                          .eventTable(events)
                          .snapshotTable(snapshots)
                          .globalIndexColumn("global_index")
                          .timestampColumn("time_stamp")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }
}
