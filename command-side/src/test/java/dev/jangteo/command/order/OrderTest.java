package dev.jangteo.command.order;

import dev.jangteo.api.Money;
import dev.jangteo.api.order.CancelOrderCommand;
import dev.jangteo.api.order.CompleteOrderCancellationCommand;
import dev.jangteo.api.order.CompleteOrderPaymentCommand;
import dev.jangteo.api.order.FailOrderStepCommand;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.PlaceOrderCommand;
import dev.jangteo.api.order.RejectOrderCommand;
import dev.jangteo.api.order.RejectionReason;
import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jangteo.command.order.OrderTestData.COUPON;
import static dev.jangteo.command.order.OrderTestData.KIMCHI;
import static dev.jangteo.command.order.OrderTestData.LINES;
import static dev.jangteo.command.order.OrderTestData.ORDER;
import static dev.jangteo.command.order.OrderTestData.PLACED_AT;
import static dev.jangteo.command.order.OrderTestData.PRICED;
import static dev.jangteo.command.order.OrderTestData.USER;
import static dev.jangteo.command.order.OrderTestData.paid;
import static dev.jangteo.command.order.OrderTestData.placed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.andGivenCurrentTime(PLACED_AT);
    }

    @Test
    void canPlaceOrder() {
        fixture.givenCurrentTime(PLACED_AT)
               .when(new PlaceOrderCommand(ORDER, USER, LINES, COUPON))
               .expectEvents(placed(COUPON));
    }

    @Test
    void cannotPlaceOrderWithoutItems() {
        assertThatThrownBy(() -> new PlaceOrderCommand(ORDER, USER, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotPlaceOrderNamingAProductTwice() {
        assertThatThrownBy(() -> new PlaceOrderCommand(ORDER, USER, List.of(new OrderLine(KIMCHI, 1),
                                                                            new OrderLine(KIMCHI, 2)), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotOrderZeroUnits() {
        assertThatThrownBy(() -> new OrderLine(KIMCHI, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canCompletePaymentWithTotalAfterDiscount() {
        fixture.given(placed(COUPON))
               .when(new CompleteOrderPaymentCommand(ORDER, PRICED, Money.won(1_000)))
               .expectEvents(paid(COUPON, 1_000));
    }

    @Test
    void cannotPayAnOrderTwice() {
        fixture.given(placed(null), paid(null, 0))
               .when(new CompleteOrderPaymentCommand(ORDER, PRICED, Money.ZERO))
               .expectNoEvents();
    }

    @Test
    void canRejectAPendingOrder() {
        fixture.given(placed(null))
               .when(new RejectOrderCommand(ORDER, RejectionReason.OUT_OF_STOCK))
               .expectEvents(new OrderRejectedEvent(ORDER, USER, RejectionReason.OUT_OF_STOCK, PLACED_AT));
    }

    @Test
    void cannotRejectAPaidOrder() {
        fixture.given(placed(null), paid(null, 0))
               .when(new RejectOrderCommand(ORDER, RejectionReason.TIMED_OUT))
               .expectNoEvents();
    }

    @Test
    void canRecordAFailedStepWhilePending() {
        fixture.given(placed(null))
               .when(new FailOrderStepCommand(ORDER, RejectionReason.PRODUCT_NOT_FOUND))
               .expectEvents(new OrderStepFailedEvent(ORDER, RejectionReason.PRODUCT_NOT_FOUND));
    }

    @Test
    void cannotRecordAFailedStepOnceRejected() {
        fixture.given(placed(null), new OrderRejectedEvent(ORDER, USER, RejectionReason.OUT_OF_STOCK, PLACED_AT))
               .when(new FailOrderStepCommand(ORDER, RejectionReason.PRODUCT_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void canRequestCancellationOfAPaidOrder() {
        fixture.given(placed(COUPON), paid(COUPON, 1_000))
               .when(new CancelOrderCommand(ORDER), byOwner())
               .expectEvents(new OrderCancellationRequestedEvent(ORDER, USER, PRICED, COUPON, PLACED_AT));
    }

    @Test
    void cannotCancelAnotherUsersOrder() {
        fixture.given(placed(COUPON), paid(COUPON, 1_000))
               .when(new CancelOrderCommand(ORDER), MetaData.with(AuditMetadata.ACTING_USER, "mallory"))
               .expectException(NotTheOrderOwnerException.class);
    }

    @Test
    void cannotCancelWithoutAnActingUser() {
        fixture.given(placed(COUPON), paid(COUPON, 1_000))
               .when(new CancelOrderCommand(ORDER))
               .expectException(NotTheOrderOwnerException.class);
    }

    @Test
    void cannotCancelAPendingOrder() {
        fixture.given(placed(null))
               .when(new CancelOrderCommand(ORDER), byOwner())
               .expectException(OrderNotCancellableException.class);
    }

    @Test
    void cannotCancelARejectedOrder() {
        fixture.given(placed(null), new OrderRejectedEvent(ORDER, USER, RejectionReason.OUT_OF_STOCK, PLACED_AT))
               .when(new CancelOrderCommand(ORDER), byOwner())
               .expectException(OrderNotCancellableException.class);
    }

    @Test
    void cannotRequestCancellationTwice() {
        fixture.given(placed(null), paid(null, 0),
                      new OrderCancellationRequestedEvent(ORDER, USER, PRICED, null, PLACED_AT))
               .when(new CancelOrderCommand(ORDER), byOwner())
               .expectNoEvents();
    }

    @Test
    void canCompleteCancellationRepeatingWhatWasPaid() {
        fixture.given(placed(COUPON), paid(COUPON, 1_000),
                      new OrderCancellationRequestedEvent(ORDER, USER, PRICED, COUPON, PLACED_AT))
               .when(new CompleteOrderCancellationCommand(ORDER))
               .expectEvents(new OrderCancelledEvent(ORDER, USER, PRICED, COUPON, Money.won(54_000),
                                                     Money.won(1_000), Money.won(53_000), PLACED_AT, PLACED_AT));
    }

    private static MetaData byOwner() {
        return MetaData.with(AuditMetadata.ACTING_USER, USER);
    }
}
