package dev.jangteo.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a saga step could not even be tried (its target does not exist), so the saga sees it as an event and
 * compensates. Ignored unless the order is PENDING.
 */
public record FailOrderStepCommand(@TargetAggregateIdentifier String orderId, RejectionReason reason) {
}
