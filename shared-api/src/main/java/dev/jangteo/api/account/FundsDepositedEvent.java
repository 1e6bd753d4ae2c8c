package dev.jangteo.api.account;

import dev.jangteo.api.Money;

public record FundsDepositedEvent(String userId, String depositId, Money amount, Money balance) {
}
