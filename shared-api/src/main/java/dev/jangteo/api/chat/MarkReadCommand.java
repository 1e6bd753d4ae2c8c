package dev.jangteo.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member has read everything up to and including {@code upToMessageId}. */
public record MarkReadCommand(@TargetAggregateIdentifier String roomId, String userId, String upToMessageId) {

    public MarkReadCommand {
        ChatLimits.id(roomId, "roomId");
        ChatLimits.id(userId, "userId");
        ChatLimits.id(upToMessageId, "upToMessageId");
    }
}
