package dev.jangteo.command.account;

import dev.jangteo.command.refusal.RefusedException;

/** A deposit or debit on a closed account: the caller sees 409 ACCOUNT_CLOSED, an order is rejected. */
public class AccountClosedException extends RefusedException {

    public static final String CODE = "ACCOUNT_CLOSED";

    AccountClosedException(String userId) {
        super(CODE, 409, "Account " + userId + " is closed");
    }
}
