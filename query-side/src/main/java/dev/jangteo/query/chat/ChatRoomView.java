package dev.jangteo.query.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A room with its message count and the time of its latest message. */
@Entity
@Table(name = ChatRoomView.TABLE)
class ChatRoomView {

    static final String TABLE = "chat_room";

    @Id
    @Column(name = "room_id")
    private String roomId;
    private String name;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "message_count")
    private long messageCount;
    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    protected ChatRoomView() {
    }

    ChatRoomView(String roomId, String name, String groupId, String ownerId, Instant createdAt) {
        this.roomId = roomId;
        this.name = name;
        this.groupId = groupId;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    /** Positions run 1..n, so the highest one seen is the count, whatever the order. */
    void recordMessage(long position, Instant postedAt) {
        messageCount = Math.max(messageCount, position);
        if (lastMessageAt == null || postedAt.isAfter(lastMessageAt)) {
            lastMessageAt = postedAt;
        }
    }
}
