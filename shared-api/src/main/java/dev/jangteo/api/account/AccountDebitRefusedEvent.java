package dev.jangteo.api.account;

import dev.jangteo.api.Money;

/** The order's saga must see this refusal, so it is an event; {@code balance} is what the wallet held then. */
public record AccountDebitRefusedEvent(String userId, String orderId, Money amount, Money balance) {
}
