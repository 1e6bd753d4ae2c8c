package dev.jangteo.api.chat;

/** A member's read marker moved forward to the message at {@code position}. */
public record MessagesReadEvent(String roomId, String userId, String upToMessageId, long position) {
}
