package dev.jangteo.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LeaveRoomCommand(@TargetAggregateIdentifier String roomId, String userId) {

    public LeaveRoomCommand {
        ChatLimits.id(roomId, "roomId");
        ChatLimits.id(userId, "userId");
    }
}
