package dev.jangteo.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an intruder with database access does to the event table, and how the tests undo it. The table's
 * append-only trigger stands in the way, so each change switches it off for its own transaction only (the table's
 * owner may), as someone covering their tracks would.
 */
final class Tamper {

    private static final String EVENTS = "command_side.domain_event_entry";
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
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + EVENTS + " DISABLE TRIGGER domain_event_entry_append_only");
            }
            try (PreparedStatement change = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    change.setObject(i + 1, params[i]);
                }
                change.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + EVENTS + " ENABLE TRIGGER domain_event_entry_append_only");
            }
            connection.commit();
        }
    }
}
