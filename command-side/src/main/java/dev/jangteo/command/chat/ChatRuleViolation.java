package dev.jangteo.command.chat;

import dev.jangteo.api.chat.ChatRefusal;
import dev.jangteo.command.refusal.RefusedException;

/** A room rule refused a command; the caller sees the refusal's name as the code, with 403, 404 or 409. */
public class ChatRuleViolation extends RefusedException {

    private final ChatRefusal rule;

    ChatRuleViolation(ChatRefusal refusal, String detail) {
        super(refusal.name(), statusOf(refusal), detail);
        this.rule = refusal;
    }

    /** Which rule refused; fixture tests check it. */
    public ChatRefusal rule() {
        return rule;
    }

    private static int statusOf(ChatRefusal refusal) {
        return switch (refusal) {
            case NOT_A_MEMBER, NOT_THE_SENDER -> 403;
            case MESSAGE_NOT_FOUND -> 404;
            case MESSAGE_DELETED, MESSAGE_ALREADY_EXISTS, REPLY_OUTSIDE_ROOM -> 409;
        };
    }
}
