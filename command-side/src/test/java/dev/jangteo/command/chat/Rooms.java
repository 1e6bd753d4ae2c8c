package dev.jangteo.command.chat;

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

/** Test data for rooms: room "room-1" of group "trip-1", owned by alice. */
final class Rooms {

    static final String ID = "room-1";
    static final String GROUP = "trip-1";
    static final String OWNER = "alice";

    private Rooms() {
    }

    static CreateRoomCommand create() {
        return new CreateRoomCommand(ID, "Jeju trip", GROUP, OWNER);
    }

    static RoomCreatedEvent created() {
        return new RoomCreatedEvent(ID, "Jeju trip", GROUP, OWNER);
    }

    static JoinRoomCommand join(String userId) {
        return new JoinRoomCommand(ID, userId);
    }

    static MemberJoinedEvent joined(String userId) {
        return new MemberJoinedEvent(ID, userId);
    }

    static LeaveRoomCommand leave(String userId) {
        return new LeaveRoomCommand(ID, userId);
    }

    static MemberLeftEvent left(String userId) {
        return new MemberLeftEvent(ID, userId);
    }

    static PostMessageCommand post(String messageId, String senderId) {
        return new PostMessageCommand(ID, messageId, senderId, "서울에서 만나요", null);
    }

    static PostMessageCommand reply(String messageId, String senderId, String replyTo) {
        return new PostMessageCommand(ID, messageId, senderId, "좋아요", replyTo);
    }

    static MessagePostedEvent posted(String messageId, long position, String senderId) {
        return new MessagePostedEvent(ID, messageId, position, senderId, "서울에서 만나요", null, GROUP);
    }

    static MessagePostedEvent replied(String messageId, long position, String senderId, String replyTo) {
        return new MessagePostedEvent(ID, messageId, position, senderId, "좋아요", replyTo, GROUP);
    }

    static EditMessageCommand edit(String messageId, String userId) {
        return new EditMessageCommand(ID, messageId, userId, "부산에서 만나요");
    }

    static MessageEditedEvent edited(String messageId) {
        return new MessageEditedEvent(ID, messageId, "부산에서 만나요");
    }

    static DeleteMessageCommand delete(String messageId, String userId) {
        return new DeleteMessageCommand(ID, messageId, userId);
    }

    static MessageDeletedEvent deleted(String messageId) {
        return new MessageDeletedEvent(ID, messageId);
    }

    static MarkReadCommand markRead(String userId, String messageId) {
        return new MarkReadCommand(ID, userId, messageId);
    }

    static MessagesReadEvent read(String userId, String messageId, long position) {
        return new MessagesReadEvent(ID, userId, messageId, position);
    }
}
