package dev.jangteo.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga after it compensated every earlier step. Ignored unless the order is PENDING. */
public record RejectOrderCommand(@TargetAggregateIdentifier String orderId, RejectionReason reason) {
}
