package dev.jangteo.query.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A line of an order; {@code unitPrice} (won) is null until the order is paid. */
@Embeddable
record OrderLineEntry(@Column(name = "product_id") String productId,
                      int quantity,
                      @Column(name = "unit_price") Long unitPrice) {
}
