package dev.jangteo.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EditMessageCommand(@TargetAggregateIdentifier String roomId, String messageId, String userId,
                                 String text) {

    public EditMessageCommand {
        ChatLimits.id(roomId, "roomId");
        ChatLimits.id(messageId, "messageId");
        ChatLimits.id(userId, "userId");
        ChatLimits.text(text);
    }
}
