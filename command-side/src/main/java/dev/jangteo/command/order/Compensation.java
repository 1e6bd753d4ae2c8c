package dev.jangteo.command.order;

import dev.jangteo.api.account.RefundOrderCommand;
import dev.jangteo.api.catalog.ReleaseStockCommand;
import dev.jangteo.api.coupon.ReleaseCouponCommand;

/**
 * What the order sagas undo, named in their state as strings ("account", "coupon", "product:&lt;id&gt;") so that a
 * saga can keep the set of compensations still to answer; each maps to a command that applies once per order.
 */
final class Compensation {

    static final String ACCOUNT = "account";
    static final String COUPON = "coupon";
    private static final String PRODUCT = "product:";

    private Compensation() {
    }

    static String product(String productId) {
        return PRODUCT + productId;
    }

    /** The command that undoes {@code what} for the order: refund, coupon release or stock release. */
    static Object command(String what, String orderId, String userId, String couponId) {
        return what.equals(ACCOUNT) ? new RefundOrderCommand(userId, orderId)
                : what.equals(COUPON) ? new ReleaseCouponCommand(couponId, userId, orderId)
                : new ReleaseStockCommand(what.substring(PRODUCT.length()), orderId);
    }
}
