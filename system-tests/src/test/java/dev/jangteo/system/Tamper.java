package dev.jangteo.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an intruder with database access does to the table that holds the events ({@link Stack#eventSchema()}: the
 * event table, or the {@code remote-like} store's), and how the tests undo it. The event table's append-only trigger
 * stands in the way, so each change there switches it off for its own transaction only (the table's owner may), as
 * someone covering their tracks would; the {@code remote-like} store's table has none.
 */
final class Tamper {

    private static final String EVENTS = Stack.eventSchema() + ".domain_event_entry";
    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, "
            + "type, time_stamp, payload_type, payload_revision, payload, meta_data";

    /** A row as it was, to put back. */
    record Row(long position, String eventIdentifier, String aggregateId, long sequence, String type,
               java.time.OffsetDateTime timestamp, String payloadType, String payloadRevision, byte[] payload,
               byte[] metaData) {
    }

    private Tamper() {
    }

    static Row read(Stack stack, long position) throws SQLException {
        try (Connection connection = stack.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM " + EVENTS + " WHERE global_index = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No event at " + position);
                }
                return new Row(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                               row.getObject(6, java.time.OffsetDateTime.class), row.getString(7), row.getString(8),
                               row.getBytes(9), row.getBytes(10));
            }
        }
    }

    /** Where the aggregate's event with this sequence number is stored. */
    static long positionOf(Stack stack, String aggregateId, long sequence) throws SQLException {
        try (Connection connection = stack.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT global_index FROM " + EVENTS
                             + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No event " + sequence + " of " + aggregateId);
                }
                return row.getLong(1);
            }
        }
    }

    static void setPayload(Stack stack, long position, byte[] payload) throws SQLException {
        run(stack, "UPDATE " + EVENTS + " SET payload = ? WHERE global_index = ?", payload, position);
    }

    static void setMetaData(Stack stack, long position, byte[] metaData) throws SQLException {
        run(stack, "UPDATE " + EVENTS + " SET meta_data = ? WHERE global_index = ?", metaData, position);
    }

    static void delete(Stack stack, long position) throws SQLException {
        run(stack, "DELETE FROM " + EVENTS + " WHERE global_index = ?", position);
    }

    static void insert(Stack stack, Row row) throws SQLException {
        run(stack, "INSERT INTO " + EVENTS + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row.position(), row.eventIdentifier(), row.aggregateId(), row.sequence(), row.type(), row.timestamp(),
            row.payloadType(), row.payloadRevision(), row.payload(), row.metaData());
    }

    private static void run(Stack stack, String sql, Object... params) throws SQLException {
        try (Connection connection = stack.connect()) {
            connection.setAutoCommit(false);
            appendOnly(connection, "DISABLE");
            try (PreparedStatement change = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    change.setObject(i + 1, params[i]);
                }
                change.executeUpdate();
            }
            appendOnly(connection, "ENABLE");
            connection.commit();
        }
    }

    private static void appendOnly(Connection connection, String switchedTo) throws SQLException {
        if (Stack.eventTableIsTheStore()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + EVENTS + " " + switchedTo
                                          + " TRIGGER domain_event_entry_append_only");
            }
        }
    }
}
