package dev.jangteo.command.chat;

import dev.jangteo.api.chat.ChatRuleViolation;
import dev.jangteo.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** HTTP status of each room refusal; the refusal's name is the stable code. */
final class ChatRefusals {

    private ChatRefusals() {
    }

    static ApiException toApiException(ChatRuleViolation violation) {
        HttpStatus status = switch (violation.refusal()) {
            case NOT_A_MEMBER, NOT_THE_SENDER -> HttpStatus.FORBIDDEN;
            case MESSAGE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case MESSAGE_DELETED, MESSAGE_ALREADY_EXISTS, REPLY_OUTSIDE_ROOM -> HttpStatus.CONFLICT;
        };
        return new ApiException(status, violation.refusal().name(), violation.getMessage());
    }
}
