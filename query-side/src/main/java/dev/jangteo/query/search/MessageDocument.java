package dev.jangteo.query.search;

import java.time.Instant;

/** One message in the search index; its id is {@link #idOf(String, String)}. */
record MessageDocument(String messageId, String roomId, String groupId, String senderId, String text,
                       Instant createdAt, Instant editedAt) {

    /** Message ids are unique within a room only (clients may choose them), so the room is part of the key. */
    static String idOf(String roomId, String messageId) {
        return roomId + "/" + messageId;
    }

    String id() {
        return idOf(roomId, messageId);
    }

    MessageDocument edited(String newText, Instant at) {
        return new MessageDocument(messageId, roomId, groupId, senderId, newText, createdAt, at);
    }
}
