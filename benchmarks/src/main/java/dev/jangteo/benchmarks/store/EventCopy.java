package dev.jangteo.benchmarks.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events straight to the event store with PostgreSQL's COPY, as the command side would have written them:
 * Jackson JSON payload and metadata (correlation id, causation id, acting user) in BYTEA, the aggregate's sequence
 * number, the time. Far faster than sending each command over HTTP. Rows go out every {@value #CHUNK} events; the
 * caller commits.
 */
public final class EventCopy {

    private static final String EVENTS = "command_side.domain_event_entry";
    private static final int CHUNK = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HexFormat hex = HexFormat.of();
    private final StringBuilder rows = new StringBuilder();
    private final Connection connection;
    private int pending;

    public EventCopy(Connection connection) {
        this.connection = connection;
    }

    /** {@code payloadType} is the event class's full name; {@code payload} its fields as JSON would hold them. */
    public void append(String aggregateId, long sequence, String aggregateType, Instant at, String payloadType,
                       Map<String, Object> payload, String actingUser) throws SQLException {
        try {
            String id = UUID.randomUUID().toString();
            byte[] body = json.writeValueAsBytes(payload);
            byte[] meta = json.writeValueAsBytes(Map.of("correlationId", id, "causationId", id,
                                                         "actingUser", actingUser));
            rows.append(id).append('\t').append(aggregateId).append('\t').append(sequence).append('\t')
                .append(aggregateType).append('\t').append(at).append('\t').append(payloadType)
                .append("\t\\\\x").append(hex.formatHex(body)).append("\t\\\\x").append(hex.formatHex(meta))
                .append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (++pending == CHUNK) {
            flush();
        }
    }

    /** Sends what is buffered. */
    public void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + EVENTS + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload, meta_data) FROM STDIN");
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        rows.setLength(0);
        pending = 0;
    }
}
