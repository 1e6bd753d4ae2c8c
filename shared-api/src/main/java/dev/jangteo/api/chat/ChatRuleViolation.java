package dev.jangteo.api.chat;

/** A room rule refused a command; the command side answers it with the refusal's code (403/404/409). */
public class ChatRuleViolation extends RuntimeException {

    private final ChatRefusal refusal;

    public ChatRuleViolation(ChatRefusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    public ChatRefusal refusal() {
        return refusal;
    }
}
