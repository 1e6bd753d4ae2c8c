package dev.jangteo.query.operations.audit;

import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One row of the event table exactly as stored: what the seal hashes (the bytes, before any upcaster) and what the
 * audit API decodes into the event's current shape.
 */
record StoredEvent(long position,
                   String eventIdentifier,
                   String aggregateType,
                   String aggregateId,
                   long sequence,
                   Instant timestamp,
                   String payloadType,
                   String payloadRevision,
                   byte[] payload,
                   byte[] metaData) {

    /** The columns {@link #of(ResultSet)} reads, for a {@code SELECT} on the event table. */
    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    static StoredEvent of(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"),
                               row.getString("event_identifier"),
                               row.getString("type"),
                               row.getString("aggregate_identifier"),
                               row.getLong("sequence_number"),
                               row.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                               row.getString("payload_type"),
                               row.getString("payload_revision"),
                               row.getBytes("payload"),
                               row.getBytes("meta_data"));
    }

    /** As Axon's upcasters and serializer take a stored event. */
    GenericDomainEventEntry<byte[]> asEntry() {
        return new GenericDomainEventEntry<>(aggregateType, aggregateId, sequence, eventIdentifier, timestamp,
                                             payloadType, payloadRevision, payload, metaData);
    }
}
