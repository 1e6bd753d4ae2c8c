package dev.jangteo.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft delete: the message stays in the history as deleted and leaves the search index. */
public record DeleteMessageCommand(@TargetAggregateIdentifier String roomId, String messageId, String userId) {

    public DeleteMessageCommand {
        ChatLimits.id(roomId, "roomId");
        ChatLimits.id(messageId, "messageId");
        ChatLimits.id(userId, "userId");
    }
}
