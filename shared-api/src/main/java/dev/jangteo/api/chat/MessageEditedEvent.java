package dev.jangteo.api.chat;

public record MessageEditedEvent(String roomId, String messageId, String text) {
}
