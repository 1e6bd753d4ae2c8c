package dev.jangteo.command.chat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.jangteo.api.chat.ChatRefusal;
import dev.jangteo.api.chat.CreateRoomCommand;
import dev.jangteo.api.chat.DeleteMessageCommand;
import dev.jangteo.api.chat.EditMessageCommand;
import dev.jangteo.api.chat.JoinRoomCommand;
import dev.jangteo.api.chat.LeaveRoomCommand;
import dev.jangteo.api.chat.MarkReadCommand;
import dev.jangteo.api.chat.MemberJoinedEvent;
import dev.jangteo.api.chat.MemberLeftEvent;
import dev.jangteo.api.chat.MessageDeletedEvent;
import dev.jangteo.api.chat.MessageEditedEvent;
import dev.jangteo.api.chat.MessagePostedEvent;
import dev.jangteo.api.chat.MessagesReadEvent;
import dev.jangteo.api.chat.PostMessageCommand;
import dev.jangteo.api.chat.RoomCreatedEvent;
import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A chat room. Invariants: only active members post, edit, delete and mark read; only the sender edits or deletes a
 * message; a reply points to a message of this room; a deleted message is never edited or replied to.
 * State is what those rules need and nothing more: the active members with their read markers, and the
 * {@link MessageLedger}. A busy room grows to hundreds of thousands of events, so it is snapshotted and cached like a
 * coupon.
 */
@Aggregate(snapshotTriggerDefinition = "roomSnapshotTrigger", cache = "roomCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Room {

    @AggregateIdentifier
    private String roomId;
    private String groupId;
    /** Active members and the position of the last message each has read. */
    private Map<String, Long> members = new HashMap<>();
    private MessageLedger messages = new MessageLedger();

    Room() {
    }

    @CommandHandler
    Room(CreateRoomCommand command) {
        apply(new RoomCreatedEvent(command.roomId(), command.name(), command.groupId(), command.ownerId()),
              actingUser(command.ownerId()));
        apply(new MemberJoinedEvent(command.roomId(), command.ownerId()), actingUser(command.ownerId()));
    }

    /** Joining twice changes nothing. */
    @CommandHandler
    void handle(JoinRoomCommand command) {
        if (!members.containsKey(command.userId())) {
            apply(new MemberJoinedEvent(roomId, command.userId()), actingUser(command.userId()));
        }
    }

    @CommandHandler
    void handle(LeaveRoomCommand command) {
        requireMember(command.userId());
        apply(new MemberLeftEvent(roomId, command.userId()), actingUser(command.userId()));
    }

    /** Answers the new message's position in the room. */
    @CommandHandler
    long handle(PostMessageCommand command) {
        requireMember(command.senderId());
        if (messages.contains(command.messageId())) {
            throw refuse(ChatRefusal.MESSAGE_ALREADY_EXISTS, "Message " + command.messageId() + " exists");
        }
        if (command.replyTo() != null) {
            if (!messages.contains(command.replyTo())) {
                throw refuse(ChatRefusal.REPLY_OUTSIDE_ROOM,
                             "Message " + command.replyTo() + " is not a message of room " + roomId);
            }
            if (messages.isDeleted(command.replyTo())) {
                throw refuse(ChatRefusal.MESSAGE_DELETED, "Message " + command.replyTo() + " was deleted");
            }
        }
        long position = messages.nextPosition();
        apply(new MessagePostedEvent(roomId, command.messageId(), position, command.senderId(), command.text(),
                                     command.replyTo(), groupId),
              actingUser(command.senderId()));
        return position;
    }

    @CommandHandler
    void handle(EditMessageCommand command) {
        requireSenderOfLiveMessage(command.messageId(), command.userId());
        apply(new MessageEditedEvent(roomId, command.messageId(), command.text()), actingUser(command.userId()));
    }

    /** Deleting a deleted message changes nothing. */
    @CommandHandler
    void handle(DeleteMessageCommand command) {
        requireMember(command.userId());
        requireSender(command.messageId(), command.userId());
        if (!messages.isDeleted(command.messageId())) {
            apply(new MessageDeletedEvent(roomId, command.messageId()), actingUser(command.userId()));
        }
    }

    /** Moves the member's read marker forward; marking an older message read changes nothing. */
    @CommandHandler
    void handle(MarkReadCommand command) {
        requireMember(command.userId());
        long position = messages.positionOf(command.upToMessageId());
        if (position == 0) {
            throw refuse(ChatRefusal.MESSAGE_NOT_FOUND, "No message " + command.upToMessageId() + " in " + roomId);
        }
        if (position > members.get(command.userId())) {
            apply(new MessagesReadEvent(roomId, command.userId(), command.upToMessageId(), position),
                  actingUser(command.userId()));
        }
    }

    private void requireSenderOfLiveMessage(String messageId, String userId) {
        requireMember(userId);
        requireSender(messageId, userId);
        if (messages.isDeleted(messageId)) {
            throw refuse(ChatRefusal.MESSAGE_DELETED, "Message " + messageId + " was deleted");
        }
    }

    private void requireMember(String userId) {
        if (!members.containsKey(userId)) {
            throw refuse(ChatRefusal.NOT_A_MEMBER, userId + " is not an active member of room " + roomId);
        }
    }

    private void requireSender(String messageId, String userId) {
        if (!messages.contains(messageId)) {
            throw refuse(ChatRefusal.MESSAGE_NOT_FOUND, "No message " + messageId + " in room " + roomId);
        }
        if (!messages.senderOf(messageId).equals(userId)) {
            throw refuse(ChatRefusal.NOT_THE_SENDER, "Only the sender may change message " + messageId);
        }
    }

    private static ChatRuleViolation refuse(ChatRefusal refusal, String detail) {
        return new ChatRuleViolation(refusal, detail);
    }

    private static MetaData actingUser(String userId) {
        return MetaData.with(AuditMetadata.ACTING_USER, userId);
    }

    @EventSourcingHandler
    void on(RoomCreatedEvent event) {
        roomId = event.roomId();
        groupId = event.groupId();
    }

    @EventSourcingHandler
    void on(MemberJoinedEvent event) {
        members.put(event.userId(), 0L);
    }

    @EventSourcingHandler
    void on(MemberLeftEvent event) {
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(MessagePostedEvent event) {
        messages.add(event.messageId(), event.senderId());
    }

    @EventSourcingHandler
    void on(MessageDeletedEvent event) {
        messages.markDeleted(event.messageId());
    }

    @EventSourcingHandler
    void on(MessagesReadEvent event) {
        members.computeIfPresent(event.userId(), (user, marker) -> Math.max(marker, event.position()));
    }
}
