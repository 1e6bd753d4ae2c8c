package dev.jangteo.api.chat;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a room, optionally inside a group (a trip); the owner becomes its first member. */
public record CreateRoomCommand(@TargetAggregateIdentifier String roomId, String name, String groupId,
                                String ownerId) {

    public CreateRoomCommand {
        ChatLimits.id(roomId, "roomId");
        Require.text(name, "name", ChatLimits.MAX_ROOM_NAME_LENGTH);
        ChatLimits.optionalId(groupId, "groupId");
        ChatLimits.id(ownerId, "ownerId");
    }
}
