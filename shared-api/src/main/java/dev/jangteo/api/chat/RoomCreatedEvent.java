package dev.jangteo.api.chat;

/** A room opened; the owner's membership follows as a {@link MemberJoinedEvent}. */
public record RoomCreatedEvent(String roomId, String name, String groupId, String ownerId) {
}
