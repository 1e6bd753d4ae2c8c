package dev.jangteo.api.chat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A message from an active member, optionally a reply to an earlier message of the same room. */
public record PostMessageCommand(@TargetAggregateIdentifier String roomId, String messageId, String senderId,
                                 String text, String replyTo) {

    public PostMessageCommand {
        ChatLimits.id(roomId, "roomId");
        ChatLimits.id(messageId, "messageId");
        ChatLimits.id(senderId, "senderId");
        ChatLimits.text(text);
        ChatLimits.optionalId(replyTo, "replyTo");
    }
}
