package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives chat rooms over HTTP and reads back the read models and the search index. */
final class Chat {

    private Chat() {
    }

    static String createRoom(URI command, String owner, String groupId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Room of " + owner, "ownerId", owner));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        Answer created = Http.post(command.resolve("/api/rooms"), body);
        assertThat(created.status()).as("create room: %s", created.body()).isEqualTo(201);
        return created.body().get("roomId").asText();
    }

    static Answer join(URI command, String roomId, String userId) {
        return Http.post(command.resolve("/api/rooms/" + roomId + "/members"), Map.of("userId", userId));
    }

    static Answer leave(URI command, String roomId, String userId) {
        return Http.delete(command.resolve("/api/rooms/" + roomId + "/members/" + userId));
    }

    static Answer post(URI command, String roomId, String senderId, String text, String replyTo) {
        Map<String, Object> body = new HashMap<>(Map.of("senderId", senderId, "text", text));
        if (replyTo != null) {
            body.put("replyTo", replyTo);
        }
        return Http.post(command.resolve("/api/rooms/" + roomId + "/messages"), body);
    }

    /** Posts and answers the new message's id. */
    static String say(URI command, String roomId, String senderId, String text) {
        Answer posted = post(command, roomId, senderId, text, null);
        assertThat(posted.status()).as("post: %s", posted.body()).isEqualTo(201);
        return posted.body().get("messageId").asText();
    }

    static Answer edit(URI command, String roomId, String messageId, String userId, String text) {
        return Http.put(command.resolve("/api/rooms/" + roomId + "/messages/" + messageId),
                        Map.of("userId", userId, "text", text));
    }

    static Answer delete(URI command, String roomId, String messageId, String userId) {
        return Http.delete(command.resolve("/api/rooms/" + roomId + "/messages/" + messageId + "?userId=" + userId));
    }

    static Answer markRead(URI command, String roomId, String userId, String messageId) {
        return Http.post(command.resolve("/api/rooms/" + roomId + "/reads"),
                         Map.of("userId", userId, "upToMessageId", messageId));
    }

    static Answer search(URI query, String userId, String q, String extra) {
        return Http.get(query.resolve("/api/messages/search?userId=" + userId + "&q="
                                              + URLEncoder.encode(q, StandardCharsets.UTF_8)
                                              + (extra == null ? "" : "&" + extra)));
    }

    /** Message ids a search answered, in order. */
    static Set<String> found(URI query, String userId, String q) {
        Answer response = search(query, userId, q, "limit=100");
        assertThat(response.status()).as("search %s: %s", q, response.body()).isEqualTo(200);
        Set<String> ids = new LinkedHashSet<>();
        response.body().get("data").forEach(hit -> ids.add(hit.get("messageId").asText()));
        return ids;
    }

    /** Waits until the query side's history of the room holds {@code count} messages (deleted ones included). */
    static void awaitHistory(URI query, String roomId, long count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer room = Http.get(query.resolve("/api/rooms/" + roomId));
            return room.status() == 200 && room.body().get("messageCount").asLong() == count;
        });
    }

    /** Waits until the index holds exactly the messages PostgreSQL shows as not deleted, text for text. */
    static Map<String, String> awaitIndexEqualsHistory(Stack stack) {
        AtomicReference<Map<String, String>> history = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            history.set(liveMessages(stack));
            return history.get().equals(indexedMessages(stack));
        });
        return history.get();
    }

    /** roomId/messageId → text of every message PostgreSQL's history shows as not deleted. */
    static Map<String, String> liveMessages(Stack stack) throws Exception {
        Map<String, String> messages = new TreeMap<>();
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT room_id, message_id, text FROM query_side.chat_message "
                                                             + "WHERE deleted_at IS NULL")) {
            while (rows.next()) {
                messages.put(rows.getString(1) + "/" + rows.getString(2), rows.getString(3));
            }
        }
        return messages;
    }

    /** The same from the search index. */
    static Map<String, String> indexedMessages(Stack stack) {
        Map<String, String> messages = new TreeMap<>();
        Search.documents(stack).forEach((id, hit) -> messages.put(id, hit.path("_source").path("text").asText()));
        return messages;
    }

    static JsonNode messages(URI query, String roomId, String parameters) {
        Answer page = Http.get(query.resolve("/api/rooms/" + roomId + "/messages?" + parameters));
        assertThat(page.status()).as("messages: %s", page.body()).isEqualTo(200);
        return page.body();
    }
}
