package dev.jangteo.command.account;

/** A deposit or debit on a closed account: the caller sees 409 ACCOUNT_CLOSED, an order is rejected. */
public class AccountClosedException extends RuntimeException {

    public static final String CODE = "ACCOUNT_CLOSED";

    AccountClosedException(String userId) {
        super("Account " + userId + " is closed", null, false, false);
    }
}
