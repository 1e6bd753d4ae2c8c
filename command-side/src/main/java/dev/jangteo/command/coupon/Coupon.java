package dev.jangteo.command.coupon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.jangteo.api.coupon.CouponDefinedEvent;
import dev.jangteo.api.coupon.CouponIssuedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponRedemptionRefusedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.coupon.CouponTerms;
import dev.jangteo.api.coupon.DefineCouponCommand;
import dev.jangteo.api.coupon.IssueCouponCommand;
import dev.jangteo.api.coupon.IssueCouponResult;
import dev.jangteo.api.coupon.IssueOutcome;
import dev.jangteo.api.coupon.IssueRefusal;
import dev.jangteo.api.coupon.IssueRequest;
import dev.jangteo.api.coupon.RedeemCouponCommand;
import dev.jangteo.api.coupon.ReleaseCouponCommand;
import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A limited first-come-first-served coupon. Invariants: never more copies than its total quantity, never two copies
 * for one user, only within its validity window. A hot aggregate (thousands of claims on one stream): snapshotted and
 * cached, and claims arrive in batches so a burst commits in one transaction.
 * Its state is the holder set, plus which order uses each redeemed copy, which is all the invariants need; Jackson
 * reads its fields for snapshots. Redemption (by the order saga) applies once per order, and a redemption arriving
 * after its order released the coupon is refused.
 */
@Aggregate(snapshotTriggerDefinition = "couponSnapshotTrigger", cache = "couponCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Coupon {

    @AggregateIdentifier
    private String couponId;
    private CouponTerms terms;
    private Set<String> holders = new HashSet<>();
    /** Holder → the order using the copy, until that order releases it. */
    private Map<String, String> redemptions = new HashMap<>();
    /** Orders that released the coupon (or closed before redeeming): nothing more happens for them. */
    private Set<String> closedOrders = new HashSet<>();

    Coupon() {
    }

    @CommandHandler
    Coupon(DefineCouponCommand command) {
        apply(new CouponDefinedEvent(command.couponId(), command.terms()));
    }

    /** Decides each claim in order; earlier claims of the same batch count for later ones. */
    @CommandHandler
    IssueCouponResult handle(IssueCouponCommand command) {
        List<IssueOutcome> outcomes = new ArrayList<>(command.requests().size());
        for (IssueRequest request : command.requests()) {
            IssueOutcome outcome = decide(request);
            if (outcome.wasIssued()) {
                apply(new CouponIssuedEvent(couponId, request.userId(), outcome.sequence(), request.requestedAt()),
                      MetaData.with(AuditMetadata.ACTING_USER, request.userId()));
            }
            outcomes.add(outcome);
        }
        return new IssueCouponResult(outcomes);
    }

    @CommandHandler
    void handle(RedeemCouponCommand command) {
        String orderId = command.orderId();
        String userId = command.userId();
        if (orderId.equals(redemptions.get(userId)) || closedOrders.contains(orderId)) {
            return;
        }
        String refusal = !holders.contains(userId) ? "the user holds no copy of this coupon"
                : redemptions.containsKey(userId) ? "the user's copy is in use by another order"
                : !terms.isValidAt(command.requestedAt()) ? "the coupon is not valid at this time"
                : null;
        if (refusal != null) {
            apply(new CouponRedemptionRefusedEvent(couponId, userId, orderId, refusal));
        } else {
            apply(new CouponRedeemedEvent(couponId, userId, orderId, terms.discountOn(command.subtotal())));
        }
    }

    @CommandHandler
    void handle(ReleaseCouponCommand command) {
        String orderId = command.orderId();
        if (closedOrders.contains(orderId)) {
            return;
        }
        boolean restored = orderId.equals(redemptions.get(command.userId()));
        apply(new CouponReleasedEvent(couponId, command.userId(), orderId, restored));
    }

    private IssueOutcome decide(IssueRequest request) {
        if (!terms.isValidAt(request.requestedAt())) {
            return IssueOutcome.refused(request.userId(), IssueRefusal.NOT_ACTIVE);
        }
        if (holders.contains(request.userId())) {
            return IssueOutcome.refused(request.userId(), IssueRefusal.ALREADY_ISSUED);
        }
        if (holders.size() >= terms.totalQuantity()) {
            return IssueOutcome.refused(request.userId(), IssueRefusal.SOLD_OUT);
        }
        return IssueOutcome.issued(request.userId(), holders.size() + 1L);
    }

    @EventSourcingHandler
    void on(CouponDefinedEvent event) {
        couponId = event.couponId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(CouponIssuedEvent event) {
        holders.add(event.userId());
    }

    @EventSourcingHandler
    void on(CouponRedeemedEvent event) {
        redemptions.put(event.userId(), event.orderId());
    }

    @EventSourcingHandler
    void on(CouponReleasedEvent event) {
        if (event.restored()) {
            redemptions.remove(event.userId());
        }
        closedOrders.add(event.orderId());
    }
}
