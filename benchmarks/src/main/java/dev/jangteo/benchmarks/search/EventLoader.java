package dev.jangteo.benchmarks.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Appends generated rooms and messages straight to the event store with PostgreSQL's COPY, as the command side would
 * have written them (Jackson JSON payloads and metadata, aggregate sequence numbers, positions 1..n per room), far
 * faster than posting each over HTTP. The rooms are new, so no existing aggregate is touched.
 */
final class EventLoader {

    private static final String EVENTS = "command_side.domain_event_entry";
    private static final String API = "dev.jangteo.api.chat.";
    private static final int COPY_CHUNK = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HexFormat hex = HexFormat.of();
    private final String jdbcUrl;
    private final String user;
    private final String password;

    EventLoader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The rooms created, each with {@code reader} as member; {@code messages} spread over them round-robin. */
    List<String> load(String runId, int rooms, long messages, String reader) throws SQLException {
        Random random = new Random(42);
        List<String> roomIds = new ArrayList<>();
        long[] sequence = new long[rooms];
        long[] position = new long[rooms];
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(messages, ChronoUnit.MILLIS);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            StringBuilder rows = new StringBuilder();
            for (int r = 0; r < rooms; r++) {
                String roomId = "bench-" + runId + "-room-" + r;
                roomIds.add(roomId);
                append(rows, roomId, sequence[r]++, start, "RoomCreatedEvent", reader,
                       Map.of("roomId", roomId, "name", "Bench room " + r, "groupId", "bench-" + runId,
                              "ownerId", reader));
                append(rows, roomId, sequence[r]++, start, "MemberJoinedEvent", reader,
                       Map.of("roomId", roomId, "userId", reader));
            }
            long written = 0;
            for (long i = 0; i < messages; i++) {
                int r = (int) (i % rooms);
                String roomId = roomIds.get(r);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("roomId", roomId);
                payload.put("messageId", UUID.randomUUID().toString());
                payload.put("position", ++position[r]);
                payload.put("senderId", reader);
                payload.put("text", Corpus.message(random, i));
                payload.put("replyTo", null);
                payload.put("groupId", "bench-" + runId);
                append(rows, roomId, sequence[r]++, start.plusMillis(i), "MessagePostedEvent", reader, payload);
                if (++written % COPY_CHUNK == 0) {
                    copy(connection, rows);
                }
            }
            copy(connection, rows);
            connection.commit();
        }
        return roomIds;
    }

    private void append(StringBuilder rows, String roomId, long sequence, Instant at, String type, String actor,
                        Map<String, Object> payload) {
        try {
            String id = UUID.randomUUID().toString();
            byte[] body = json.writeValueAsBytes(payload);
            byte[] meta = json.writeValueAsBytes(Map.of("correlationId", id, "causationId", id,
                                                         "actingUser", actor));
            rows.append(id).append('\t').append(roomId).append('\t').append(sequence).append("\tRoom\t")
                .append(at).append('\t').append(API).append(type).append("\t\\\\x").append(hex.formatHex(body))
                .append("\t\\\\x").append(hex.formatHex(meta)).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Connection connection, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + EVENTS + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload, meta_data) FROM STDIN");
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        rows.setLength(0);
    }
}
