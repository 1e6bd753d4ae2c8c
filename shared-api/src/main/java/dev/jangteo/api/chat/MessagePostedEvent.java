package dev.jangteo.api.chat;

/**
 * A message in a room. {@code position} numbers the room's messages 1, 2, 3... (read markers and cursors use it);
 * {@code groupId} repeats the room's group so the search index needs no second source for it.
 */
public record MessagePostedEvent(String roomId, String messageId, long position, String senderId, String text,
                                 String replyTo, String groupId) {
}
