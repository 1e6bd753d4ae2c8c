package dev.jangteo.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.DebitForOrderCommand;
import dev.jangteo.api.catalog.ReserveStockCommand;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponRedemptionRefusedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.coupon.RedeemCouponCommand;
import dev.jangteo.api.order.CompleteOrderPaymentCommand;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.api.order.RejectOrderCommand;
import dev.jangteo.api.order.RejectionReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pays one order: reserve stock on every product, then redeem the coupon (if any), then debit the wallet for the
 * total after discount, then mark the order PAID. A refusal at any step, or a step left without an answer for
 * {@link OrderProperties#stepTimeout()}, compensates every step that was started and not refused (release each
 * product, release the coupon, refund the wallet: each of these applies once and also closes the order on its
 * aggregate, so an answer that arrives late is refused there) and rejects the order with the reason.
 * <p>
 * A compensation is a command on the asynchronous bus: a crash can lose it after this saga recorded that it was
 * sent. So the saga lives on after the order is rejected until every compensation of a step that took effect (a
 * reservation, a redemption, a debit that may have gone through) has answered with its event, and the deadline sends
 * again whatever has not. A step still unanswered when the order is rejected is closed all the same (a release of
 * nothing, which records that a late reservation is refused); only a step that was refused is left alone.
 * <p>
 * One deadline per saga, not one per step: it fires {@code stepTimeout} after the current step started and is
 * rescheduled when a step finished in between, so a step costs no extra scheduler writes. The saga's state is JSON
 * (Jackson) in the saga store.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class OrderPaymentSaga {

    static final String STEP_DEADLINE = "order-payment-step";
    private static final String ORDER_ID = "orderId";

    enum Step { RESERVING, REDEEMING, DEBITING, COMPLETING, REJECTING }

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient OrderProperties properties;

    private String orderId;
    private String userId;
    private String couponId;
    /** Product → quantity, in the order's line order. */
    private Map<String, Integer> quantities = new LinkedHashMap<>();
    /** Product → the unit price its reservation was made at. */
    private Map<String, Money> unitPrices = new LinkedHashMap<>();
    private Money discount = Money.ZERO;
    private Step step;
    /** Products that refused their reservation: they hold nothing for this order. */
    private Set<String> refused = new HashSet<>();
    private boolean couponRequested;
    private boolean couponRedeemed;
    private boolean debitRequested;
    /** Compensations sent for steps that took effect, until their events arrive: "account", "coupon", "product:id". */
    private Set<String> undoing = new LinkedHashSet<>();
    private boolean rejected;
    private RejectionReason rejection;
    private Instant stepStartedAt;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlacedEvent event, @Timestamp Instant at) {
        orderId = event.orderId();
        userId = event.userId();
        couponId = event.couponId();
        for (OrderLine line : event.lines()) {
            quantities.put(line.productId(), line.quantity());
        }
        enter(Step.RESERVING, at);
        deadlineId = deadlineManager.schedule(properties.stepTimeout(), STEP_DEADLINE);
        quantities.forEach((productId, quantity) -> SagaCommands.step(
                commandGateway, orderId, new ReserveStockCommand(productId, orderId, quantity),
                RejectionReason.PRODUCT_NOT_FOUND));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservedEvent event, @Timestamp Instant at) {
        if (step != Step.RESERVING) {
            return;
        }
        unitPrices.put(event.productId(), event.unitPrice());
        if (unitPrices.size() < quantities.size()) {
            return;
        }
        if (couponId != null) {
            enter(Step.REDEEMING, at);
            couponRequested = true;
            SagaCommands.step(commandGateway, orderId,
                              new RedeemCouponCommand(couponId, userId, orderId, subtotal(), at),
                              RejectionReason.COUPON_NOT_USABLE);
        } else {
            debit(at);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(CouponRedeemedEvent event, @Timestamp Instant at) {
        couponRedeemed = true;
        if (step == Step.REDEEMING) {
            discount = event.discount();
            debit(at);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(AccountDebitedEvent event, @Timestamp Instant at) {
        if (step == Step.DEBITING) {
            enter(Step.COMPLETING, at);
            complete();
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRefusedEvent event, @Timestamp Instant at) {
        refused.add(event.productId());
        reject(at, RejectionReason.OUT_OF_STOCK);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(CouponRedemptionRefusedEvent event, @Timestamp Instant at) {
        couponRequested = false;  // nothing was taken
        reject(at, RejectionReason.COUPON_NOT_USABLE);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(AccountDebitRefusedEvent event, @Timestamp Instant at) {
        debitRequested = false;  // nothing was taken
        reject(at, RejectionReason.INSUFFICIENT_FUNDS);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderStepFailedEvent event, @Timestamp Instant at) {
        if (event.reason() == RejectionReason.ACCOUNT_NOT_FOUND || event.reason() == RejectionReason.ACCOUNT_CLOSED) {
            debitRequested = false;  // the debit was refused: nothing to refund
        }
        reject(at, event.reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPaidEvent event) {
        cancelDeadline();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejectedEvent event) {
        rejected = true;
        endWhenUndone();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReleasedEvent event) {
        undone(Compensation.product(event.productId()));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(CouponReleasedEvent event) {
        undone(Compensation.COUPON);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(AccountRefundedEvent event) {
        undone(Compensation.ACCOUNT);
    }

    /**
     * Fires {@code stepTimeout} after it was scheduled. A step that started since gets the rest of its time; a step
     * that cannot be refused any more (completing, rejecting) has its command re-sent, in case it was lost; otherwise
     * the step timed out. While rejecting, the rejection and every compensation not yet answered are sent again. The
     * deadline message's timestamp is the moment it was due.
     */
    @DeadlineHandler(deadlineName = STEP_DEADLINE)
    void onStepDeadline(DeadlineMessage<?> deadline) {
        Instant now = deadline.getTimestamp();
        Duration elapsed = Duration.between(stepStartedAt, now);
        if (step == Step.COMPLETING) {
            complete();
        } else if (step == Step.REJECTING) {
            undoing.forEach(this::sendUndo);
            if (!rejected) {
                SagaCommands.send(commandGateway, orderId, new RejectOrderCommand(orderId, rejection));
            }
        } else if (elapsed.compareTo(properties.stepTimeout()) < 0) {
            deadlineId = deadlineManager.schedule(properties.stepTimeout().minus(elapsed), STEP_DEADLINE);
            return;
        } else {
            reject(now, RejectionReason.TIMED_OUT);
            return;
        }
        deadlineId = deadlineManager.schedule(properties.stepTimeout(), STEP_DEADLINE);
    }

    private void debit(Instant at) {
        enter(Step.DEBITING, at);
        debitRequested = true;
        SagaCommands.step(commandGateway, orderId, new DebitForOrderCommand(userId, orderId, subtotal().minus(discount)),
                          RejectionReason.ACCOUNT_NOT_FOUND);
    }

    private void complete() {
        List<PricedLine> lines = new ArrayList<>(quantities.size());
        quantities.forEach((productId, quantity) -> lines.add(
                new PricedLine(productId, quantity, unitPrices.get(productId))));
        SagaCommands.send(commandGateway, orderId, new CompleteOrderPaymentCommand(orderId, lines, discount));
    }

    /**
     * Compensates every step that was started and not refused, then rejects. Releasing a product whose reservation
     * has not answered yet still closes the order there, so that reservation is refused when it arrives; such a
     * release of nothing is the only StockReleasedEvent with quantity 0, and it is what keeps the stock exact.
     * Compensations of steps that took effect are awaited ({@link #undoing}); the others may name something that does
     * not exist (the unknown product that failed the order), so no answer is awaited from them.
     */
    private void reject(Instant at, RejectionReason reason) {
        if (step == Step.COMPLETING || step == Step.REJECTING) {
            return;
        }
        rejection = reason;
        enter(Step.REJECTING, at);
        for (String productId : quantities.keySet()) {
            if (unitPrices.containsKey(productId)) {
                undoing.add(Compensation.product(productId));
            }
            if (!refused.contains(productId)) {
                sendUndo(Compensation.product(productId));
            }
        }
        if (couponRedeemed) {
            undoing.add(Compensation.COUPON);
        }
        if (couponRequested) {
            sendUndo(Compensation.COUPON);
        }
        if (debitRequested) {
            undoing.add(Compensation.ACCOUNT);  // a debit may have gone through; the wallet exists, so its refund answers
            sendUndo(Compensation.ACCOUNT);
        }
        SagaCommands.send(commandGateway, orderId, new RejectOrderCommand(orderId, reason));
    }

    private void sendUndo(String what) {
        SagaCommands.send(commandGateway, orderId, Compensation.command(what, orderId, userId, couponId));
    }

    private void undone(String what) {
        if (undoing.remove(what)) {
            endWhenUndone();
        }
    }

    private void endWhenUndone() {
        if (rejected && undoing.isEmpty()) {
            cancelDeadline();
            SagaLifecycle.end();
        }
    }

    private Money subtotal() {
        return unitPrices.entrySet().stream()
                         .map(entry -> entry.getValue().times(quantities.get(entry.getKey())))
                         .reduce(Money.ZERO, Money::plus);
    }

    /** Steps are timed by their events' timestamps, so the saga behaves the same when its events are replayed. */
    private void enter(Step next, Instant at) {
        step = next;
        stepStartedAt = at;
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(STEP_DEADLINE, deadlineId);
        }
    }
}
