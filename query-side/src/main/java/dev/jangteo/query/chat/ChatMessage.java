package dev.jangteo.query.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One message of a room's history; a deleted one stays as a tombstone with its text kept for audits. */
@Entity
@Table(name = ChatMessage.TABLE)
@IdClass(ChatMessage.Key.class)
class ChatMessage {

    static final String TABLE = "chat_message";

    record Key(String roomId, String messageId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "room_id")
    private String roomId;
    @Id
    @Column(name = "message_id")
    private String messageId;
    private long position;
    @Column(name = "sender_id")
    private String senderId;
    private String text;
    @Column(name = "reply_to")
    private String replyTo;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "edited_at")
    private Instant editedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ChatMessage() {
    }

    ChatMessage(String roomId, String messageId, long position, String senderId, String text, String replyTo,
                Instant createdAt) {
        this.roomId = roomId;
        this.messageId = messageId;
        this.position = position;
        this.senderId = senderId;
        this.text = text;
        this.replyTo = replyTo;
        this.createdAt = createdAt;
    }

    void edit(String newText, Instant at) {
        text = newText;
        editedAt = at;
    }

    void delete(Instant at) {
        deletedAt = at;
    }
}
