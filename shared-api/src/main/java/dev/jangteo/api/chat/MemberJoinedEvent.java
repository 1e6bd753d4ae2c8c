package dev.jangteo.api.chat;

public record MemberJoinedEvent(String roomId, String userId) {
}
