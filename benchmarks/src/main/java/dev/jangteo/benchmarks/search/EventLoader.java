package dev.jangteo.benchmarks.search;

import dev.jangteo.benchmarks.store.EventCopy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Appends generated rooms and messages straight to the event store ({@link EventCopy}), positions 1..n per room. The
 * rooms are new, so no existing aggregate is touched.
 */
final class EventLoader {

    private static final String API = "dev.jangteo.api.chat.";

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
            EventCopy events = new EventCopy(connection);
            for (int r = 0; r < rooms; r++) {
                String roomId = "bench-" + runId + "-room-" + r;
                roomIds.add(roomId);
                events.append(roomId, sequence[r]++, "Room", start, API + "RoomCreatedEvent",
                              Map.of("roomId", roomId, "name", "Bench room " + r, "groupId", "bench-" + runId,
                                     "ownerId", reader), reader);
                events.append(roomId, sequence[r]++, "Room", start, API + "MemberJoinedEvent",
                              Map.of("roomId", roomId, "userId", reader), reader);
            }
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
                events.append(roomId, sequence[r]++, "Room", start.plusMillis(i), API + "MessagePostedEvent", payload,
                              reader);
            }
            events.flush();
            connection.commit();
        }
        return roomIds;
    }
}
