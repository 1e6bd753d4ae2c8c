package dev.jangteo.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the cancellation saga once refund, stock and coupon are given back. */
public record CompleteOrderCancellationCommand(@TargetAggregateIdentifier String orderId) {
}
