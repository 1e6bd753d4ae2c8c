package dev.jangteo.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record JoinRoomCommand(@TargetAggregateIdentifier String roomId, String userId) {

    public JoinRoomCommand {
        ChatLimits.id(roomId, "roomId");
        ChatLimits.id(userId, "userId");
    }
}
