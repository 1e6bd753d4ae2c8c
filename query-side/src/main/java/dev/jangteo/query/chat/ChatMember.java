package dev.jangteo.query.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A user's membership of a room, current or past, with their read marker. */
@Entity
@Table(name = ChatMember.TABLE)
@IdClass(ChatMember.Key.class)
class ChatMember {

    static final String TABLE = "chat_member";

    enum Status { ACTIVE, LEFT }

    record Key(String roomId, String userId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "room_id")
    private String roomId;
    @Id
    @Column(name = "user_id")
    private String userId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "joined_at")
    private Instant joinedAt;
    @Column(name = "left_at")
    private Instant leftAt;
    @Column(name = "last_read_position")
    private long lastReadPosition;

    protected ChatMember() {
    }

    ChatMember(String roomId, String userId, Instant joinedAt) {
        this.roomId = roomId;
        this.userId = userId;
        this.status = Status.ACTIVE;
        this.joinedAt = joinedAt;
    }

    void rejoin(Instant at) {
        status = Status.ACTIVE;
        joinedAt = at;
        leftAt = null;
    }

    void leave(Instant at) {
        status = Status.LEFT;
        leftAt = at;
    }

    void readUpTo(long position) {
        lastReadPosition = Math.max(lastReadPosition, position);
    }
}
