package dev.jangteo.api.order;

public record OrderStepFailedEvent(String orderId, RejectionReason reason) {
}
