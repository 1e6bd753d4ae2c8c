package dev.jangteo.api.account;

import dev.jangteo.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a wallet for a user; the user id is the account's id. */
public record OpenAccountCommand(@TargetAggregateIdentifier String userId, String email, String name) {

    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_NAME_LENGTH = 100;

    public OpenAccountCommand {
        Require.id(userId, "userId");
        Require.text(email, "email", MAX_EMAIL_LENGTH);
        int at = email.indexOf('@');
        if (at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("email must look like name@domain");
        }
        Require.text(name, "name", MAX_NAME_LENGTH);
    }
}
