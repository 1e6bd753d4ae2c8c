package dev.jangteo.api.order;

import dev.jangteo.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sent by the saga once stock, coupon and funds all succeeded; the order becomes PAID. */
public record CompleteOrderPaymentCommand(@TargetAggregateIdentifier String orderId, List<PricedLine> lines,
                                          Money discount) {
}
