package dev.jangteo.api.audit;

import dev.jangteo.api.coupon.CouponDefinedEvent;
import dev.jangteo.api.coupon.CouponIssuedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponRedemptionRefusedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.coupon.CouponTerms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A coupon: its terms, its holders in the order they got their copy, and which order each redeemed copy went to. */
public final class CouponFold implements AggregateFold {

    public record CouponState(String couponId, CouponTerms terms, int issued, Integer remaining, List<String> holders,
                              Map<String, String> redemptions, List<String> closedOrders, List<String> refusedOrders) {
    }

    private String couponId;
    private CouponTerms terms;
    /** Sets, as the coupon keeps them: a user or an order seen twice is listed (and counted) once. */
    private final Set<String> holders = new LinkedHashSet<>();
    private final Map<String, String> redemptions = new LinkedHashMap<>();
    private final Set<String> closedOrders = new LinkedHashSet<>();
    private final List<String> refusedOrders = new ArrayList<>();

    @Override
    public void apply(Object event) {
        switch (event) {
            case CouponDefinedEvent defined -> {
                couponId = defined.couponId();
                terms = defined.terms();
            }
            case CouponIssuedEvent issued -> holders.add(issued.userId());
            case CouponRedeemedEvent redeemed -> redemptions.put(redeemed.userId(), redeemed.orderId());
            case CouponRedemptionRefusedEvent refused -> refusedOrders.add(refused.orderId());
            case CouponReleasedEvent released -> {
                if (released.restored()) {
                    redemptions.remove(released.userId());
                }
                closedOrders.add(released.orderId());
            }
            default -> {
            }
        }
    }

    @Override
    public CouponState state() {
        Integer remaining = terms == null ? null : terms.totalQuantity() - holders.size();
        return new CouponState(couponId, terms, holders.size(), remaining, List.copyOf(holders),
                               new LinkedHashMap<>(redemptions), List.copyOf(closedOrders),
                               List.copyOf(refusedOrders));
    }
}
