package dev.jangteo.api.audit;

import java.util.Optional;

/**
 * An aggregate's state rebuilt from its events, as the command side's aggregate would have it (and a little more
 * that auditors ask about, such as names and texts the aggregate itself does not need). The query side cannot use
 * the command side's aggregates, so each aggregate type has a small fold here over the shared-api events. Events a
 * fold does not know leave the state as it is. The folds live next to the events they fold, where the command side's
 * tests see them too: its {@code *FoldTest}s source each aggregate and its fold from the same generated events and
 * require every field of the aggregate to equal the fold's.
 */
public interface AggregateFold {

    void apply(Object event);

    /** The state after the events applied so far, as a record that renders as JSON. */
    Object state();

    /** A new, empty fold for an aggregate type as the event table names it ({@code Account}, {@code Room}...). */
    static Optional<AggregateFold> forType(String aggregateType) {
        return Optional.ofNullable(switch (aggregateType) {
            case "Account" -> new AccountFold();
            case "Product" -> new ProductFold();
            case "Order" -> new OrderFold();
            case "Coupon" -> new CouponFold();
            case "Room" -> new RoomFold();
            default -> null;
        });
    }
}
