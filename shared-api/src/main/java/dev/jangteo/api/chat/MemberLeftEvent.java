package dev.jangteo.api.chat;

public record MemberLeftEvent(String roomId, String userId) {
}
