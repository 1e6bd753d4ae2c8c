package dev.jangteo.api.account;

public record AccountOpenedEvent(String userId, String email, String name) {
}
