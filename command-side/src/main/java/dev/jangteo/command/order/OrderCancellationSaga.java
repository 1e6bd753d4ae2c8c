package dev.jangteo.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.order.CompleteOrderCancellationCommand;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.PricedLine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Undoes a PAID order: refund the wallet, release each product's units, restore the coupon; when all three have
 * answered, the order becomes CANCELLED. None of these can be refused; what is still unanswered when the deadline
 * fires is sent again (each applies once, so a duplicate changes nothing).
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class OrderCancellationSaga {

    static final String RETRY_DEADLINE = "order-cancellation-retry";
    private static final String ORDER_ID = "orderId";

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient OrderProperties properties;

    private String orderId;
    private String userId;
    private String couponId;
    /** What has not answered yet: "account", "coupon", "product:&lt;id&gt;". */
    private Set<String> pending = new LinkedHashSet<>();
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancellationRequestedEvent event) {
        orderId = event.orderId();
        userId = event.userId();
        couponId = event.couponId();
        pending.add(Compensation.ACCOUNT);
        for (PricedLine line : event.lines()) {
            pending.add(Compensation.product(line.productId()));
        }
        if (couponId != null) {
            pending.add(Compensation.COUPON);
        }
        sendPending();
        deadlineId = deadlineManager.schedule(properties.stepTimeout(), RETRY_DEADLINE);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(AccountRefundedEvent event) {
        answered(Compensation.ACCOUNT);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReleasedEvent event) {
        answered(Compensation.product(event.productId()));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(CouponReleasedEvent event) {
        answered(Compensation.COUPON);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelledEvent event) {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(RETRY_DEADLINE, deadlineId);
        }
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    void onRetryDeadline() {
        sendPending();
        deadlineId = deadlineManager.schedule(properties.stepTimeout(), RETRY_DEADLINE);
    }

    private void answered(String what) {
        if (pending.remove(what) && pending.isEmpty()) {
            SagaCommands.send(commandGateway, orderId, new CompleteOrderCancellationCommand(orderId));
        }
    }

    private void sendPending() {
        if (pending.isEmpty()) {
            SagaCommands.send(commandGateway, orderId, new CompleteOrderCancellationCommand(orderId));
        }
        for (String what : pending) {
            SagaCommands.send(commandGateway, orderId, Compensation.command(what, orderId, userId, couponId));
        }
    }
}
