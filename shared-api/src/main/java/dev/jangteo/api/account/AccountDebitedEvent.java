package dev.jangteo.api.account;

import dev.jangteo.api.Money;

public record AccountDebitedEvent(String userId, String orderId, Money amount, Money balance) {
}
