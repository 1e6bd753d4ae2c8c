package dev.jangteo.api.audit;

import dev.jangteo.api.chat.MemberJoinedEvent;
import dev.jangteo.api.chat.MemberLeftEvent;
import dev.jangteo.api.chat.MessageDeletedEvent;
import dev.jangteo.api.chat.MessageEditedEvent;
import dev.jangteo.api.chat.MessagePostedEvent;
import dev.jangteo.api.chat.MessagesReadEvent;
import dev.jangteo.api.chat.RoomCreatedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chat room: its active members with their read markers, and its messages with what was said then. */
public final class RoomFold implements AggregateFold {

    public record Message(String messageId, long position, String senderId, String text, String replyTo, boolean edited,
                          boolean deleted) {
    }

    public record RoomState(String roomId, String name, String groupId, String ownerId, Map<String, Long> members,
                            int messageCount, List<Message> messages) {
    }

    private String roomId;
    private String name;
    private String groupId;
    private String ownerId;
    /** Active member to the position of the last message they read (0: none yet; a join sets it, as in the room). */
    private final Map<String, Long> members = new LinkedHashMap<>();
    private final Map<String, Message> messages = new LinkedHashMap<>();

    @Override
    public void apply(Object event) {
        switch (event) {
            case RoomCreatedEvent created -> {
                roomId = created.roomId();
                name = created.name();
                groupId = created.groupId();
                ownerId = created.ownerId();
            }
            case MemberJoinedEvent joined -> members.put(joined.userId(), 0L);
            case MemberLeftEvent left -> members.remove(left.userId());
            case MessagePostedEvent posted -> messages.put(posted.messageId(), new Message(
                    posted.messageId(), posted.position(), posted.senderId(), posted.text(), posted.replyTo(), false,
                    false));
            case MessageEditedEvent edited -> messages.computeIfPresent(edited.messageId(), (id, message) ->
                    new Message(id, message.position(), message.senderId(), edited.text(), message.replyTo(), true,
                                message.deleted()));
            case MessageDeletedEvent deleted -> messages.computeIfPresent(deleted.messageId(), (id, message) ->
                    new Message(id, message.position(), message.senderId(), null, message.replyTo(),
                                message.edited(), true));
            case MessagesReadEvent read -> members.computeIfPresent(read.userId(), (user, marker) ->
                    Math.max(marker, read.position()));
            default -> {
            }
        }
    }

    @Override
    public RoomState state() {
        return new RoomState(roomId, name, groupId, ownerId, new LinkedHashMap<>(members), messages.size(),
                             List.copyOf(messages.values()));
    }
}
