package dev.jangteo.api.account;

import dev.jangteo.api.Money;

/** {@code amount} is zero when the order had not been debited (the order is then closed on this account). */
public record AccountRefundedEvent(String userId, String orderId, Money amount, Money balance) {
}
