package dev.jangteo.api.chat;

public record MessageDeletedEvent(String roomId, String messageId) {
}
