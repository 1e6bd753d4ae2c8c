package dev.jangteo.query.chat;

import dev.jangteo.api.chat.MemberJoinedEvent;
import dev.jangteo.api.chat.MemberLeftEvent;
import dev.jangteo.api.chat.MessageDeletedEvent;
import dev.jangteo.api.chat.MessageEditedEvent;
import dev.jangteo.api.chat.MessagePostedEvent;
import dev.jangteo.api.chat.MessagesReadEvent;
import dev.jangteo.api.chat.RoomCreatedEvent;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import jakarta.persistence.EntityManager;
import dev.jangteo.query.readmodel.FullReplayOnly;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Rooms, memberships and message history in PostgreSQL. Runs in the processor's transaction together with its
 * tracking token, so each event lands exactly once; a batch of messages in one room loads the room row once.
 */
@Component
@FullReplayOnly("rooms count their messages one by one and a message is stored once: replaying the messages after "
                + "a moment over the history would post them twice")
@ProcessingGroup(ChatProjection.GROUP)
class ChatProjection implements Projection {

    static final String GROUP = "chat";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP, ChatRoomView.TABLE, ChatMember.TABLE, ChatMessage.TABLE);

    private final EntityManager entityManager;
    private final TransactionTemplate transaction;

    ChatProjection(EntityManager entityManager, TransactionTemplate transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(RoomCreatedEvent event, @Timestamp Instant at) {
        entityManager.persist(new ChatRoomView(event.roomId(), event.name(), event.groupId(), event.ownerId(), at));
    }

    @EventHandler
    void on(MemberJoinedEvent event, @Timestamp Instant at) {
        ChatMember member = entityManager.find(ChatMember.class, new ChatMember.Key(event.roomId(), event.userId()));
        if (member == null) {
            entityManager.persist(new ChatMember(event.roomId(), event.userId(), at));
        } else {
            member.rejoin(at);
        }
    }

    @EventHandler
    void on(MemberLeftEvent event, @Timestamp Instant at) {
        member(event.roomId(), event.userId()).leave(at);
    }

    @EventHandler
    void on(MessagePostedEvent event, @Timestamp Instant at) {
        entityManager.find(ChatRoomView.class, event.roomId()).recordMessage(event.position(), at);
        entityManager.persist(new ChatMessage(event.roomId(), event.messageId(), event.position(), event.senderId(),
                                              event.text(), event.replyTo(), at));
    }

    @EventHandler
    void on(MessageEditedEvent event, @Timestamp Instant at) {
        message(event.roomId(), event.messageId()).edit(event.text(), at);
    }

    @EventHandler
    void on(MessageDeletedEvent event, @Timestamp Instant at) {
        message(event.roomId(), event.messageId()).delete(at);
    }

    @EventHandler
    void on(MessagesReadEvent event) {
        member(event.roomId(), event.userId()).readUpTo(event.position());
    }

    @ResetHandler
    void reset() {
        transaction.executeWithoutResult(status -> {
            entityManager.createQuery("delete from ChatMessage").executeUpdate();
            entityManager.createQuery("delete from ChatMember").executeUpdate();
            entityManager.createQuery("delete from ChatRoomView").executeUpdate();
        });
    }

    private ChatMember member(String roomId, String userId) {
        return entityManager.find(ChatMember.class, new ChatMember.Key(roomId, userId));
    }

    private ChatMessage message(String roomId, String messageId) {
        return entityManager.find(ChatMessage.class, new ChatMessage.Key(roomId, messageId));
    }
}
