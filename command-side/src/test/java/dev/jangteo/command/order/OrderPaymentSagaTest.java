package dev.jangteo.command.order;

import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.DebitForOrderCommand;
import dev.jangteo.api.account.RefundOrderCommand;
import dev.jangteo.api.catalog.ReleaseStockCommand;
import dev.jangteo.api.catalog.ReserveStockCommand;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.catalog.StockReservationRefusedEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponRedemptionRefusedEvent;
import dev.jangteo.api.coupon.RedeemCouponCommand;
import dev.jangteo.api.coupon.ReleaseCouponCommand;
import dev.jangteo.api.order.CompleteOrderPaymentCommand;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.RejectOrderCommand;
import dev.jangteo.api.order.RejectionReason;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.jangteo.command.order.OrderTestData.COUPON;
import static dev.jangteo.command.order.OrderTestData.KIMCHI;
import static dev.jangteo.command.order.OrderTestData.ORDER;
import static dev.jangteo.command.order.OrderTestData.PLACED_AT;
import static dev.jangteo.command.order.OrderTestData.PRICED;
import static dev.jangteo.command.order.OrderTestData.RICE;
import static dev.jangteo.command.order.OrderTestData.USER;
import static dev.jangteo.command.order.OrderTestData.paid;
import static dev.jangteo.command.order.OrderTestData.placed;

class OrderPaymentSagaTest {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private SagaTestFixture<OrderPaymentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderPaymentSaga.class);
        fixture.registerResource(new OrderProperties(STEP_TIMEOUT));
        fixture.withTransienceCheckDisabled();
        fixture.givenCurrentTime(PLACED_AT);
    }

    private static StockReservedEvent kimchiReserved() {
        return new StockReservedEvent(KIMCHI, ORDER, 2, Money.won(12_000), 8);
    }

    private static StockReservedEvent riceReserved() {
        return new StockReservedEvent(RICE, ORDER, 1, Money.won(30_000), 4);
    }

    private static StockReservationRefusedEvent riceRefused() {
        return new StockReservationRefusedEvent(RICE, ORDER, 1, 0);
    }

    private static OrderRejectedEvent rejected() {
        return new OrderRejectedEvent(ORDER, USER, RejectionReason.OUT_OF_STOCK, PLACED_AT);
    }

    private static ReleaseStockCommand release(String productId) {
        return new ReleaseStockCommand(productId, ORDER);
    }

    @Test
    void canStartByReservingEveryProduct() {
        fixture.givenNoPriorActivity()
               .whenAggregate(ORDER).publishes(placed(null))
               .expectActiveSagas(1)
               .expectDispatchedCommands(new ReserveStockCommand(KIMCHI, ORDER, 2),
                                         new ReserveStockCommand(RICE, ORDER, 1))
               .expectScheduledDeadlineWithName(STEP_TIMEOUT, OrderPaymentSaga.STEP_DEADLINE);
    }

    @Test
    void canWaitForEveryReservation() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .whenAggregate(KIMCHI).publishes(kimchiReserved())
               .expectNoDispatchedCommands();
    }

    @Test
    void canDebitTheSubtotalWhenThereIsNoCoupon() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .whenAggregate(RICE).publishes(riceReserved())
               .expectDispatchedCommands(new DebitForOrderCommand(USER, ORDER, Money.won(54_000)));
    }

    @Test
    void canRedeemTheCouponOnTheSubtotal() {
        fixture.givenAggregate(ORDER).published(placed(COUPON))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .whenAggregate(RICE).publishes(riceReserved())
               .expectDispatchedCommands(new RedeemCouponCommand(COUPON, USER, ORDER, Money.won(54_000), PLACED_AT));
    }

    @Test
    void canDebitTheTotalAfterDiscount() {
        fixture.givenAggregate(ORDER).published(placed(COUPON))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .whenAggregate(COUPON).publishes(new CouponRedeemedEvent(COUPON, USER, ORDER, Money.won(1_000)))
               .expectDispatchedCommands(new DebitForOrderCommand(USER, ORDER, Money.won(53_000)));
    }

    @Test
    void canCompletePaymentOnceDebited() {
        fixture.givenAggregate(ORDER).published(placed(COUPON))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .andThenAggregate(COUPON).published(new CouponRedeemedEvent(COUPON, USER, ORDER, Money.won(1_000)))
               .whenAggregate(USER).publishes(new AccountDebitedEvent(USER, ORDER, Money.won(53_000), Money.ZERO))
               .expectDispatchedCommands(new CompleteOrderPaymentCommand(ORDER, PRICED, Money.won(1_000)));
    }

    @Test
    void canEndWhenPaid() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .andThenAggregate(USER).published(new AccountDebitedEvent(USER, ORDER, Money.won(54_000), Money.ZERO))
               .whenAggregate(ORDER).publishes(paid(null, 0))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void cannotPayWhenOutOfStockAndReleasesWhatWasReserved() {
        fixture.givenAggregate(ORDER).published(placed(COUPON))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .whenAggregate(RICE).publishes(riceRefused())
               .expectDispatchedCommands(release(KIMCHI),
                                         new RejectOrderCommand(ORDER, RejectionReason.OUT_OF_STOCK));
    }

    @Test
    void canLiveOnAfterTheRejectionUntilEveryCompensationAnswered() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceRefused())
               .whenAggregate(ORDER).publishes(rejected())
               .expectActiveSagas(1);
    }

    @Test
    void canEndOnceTheRejectedOrderIsUndone() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceRefused())
               .andThenAggregate(ORDER).published(rejected())
               .whenAggregate(KIMCHI).publishes(new StockReleasedEvent(KIMCHI, ORDER, 2, 10))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void canRefundADebitThatMayHaveGoneThroughWhenItTimesOut() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .whenTimeElapses(STEP_TIMEOUT)
               .expectDispatchedCommands(release(KIMCHI), release(RICE), new RefundOrderCommand(USER, ORDER),
                                         new RejectOrderCommand(ORDER, RejectionReason.TIMED_OUT));
    }

    /** A crash lost the release after the saga recorded it as sent: the deadline sends what is still unanswered. */
    @Test
    void canSendAgainACompensationThatNeverAnswered() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceRefused())
               .andThenAggregate(ORDER).published(rejected())
               .whenTimeElapses(STEP_TIMEOUT)
               .expectDispatchedCommands(release(KIMCHI))
               .expectScheduledDeadlineWithName(STEP_TIMEOUT, OrderPaymentSaga.STEP_DEADLINE);
    }

    @Test
    void cannotPayWithAnUnusableCouponAndReleasesTheStock() {
        fixture.givenAggregate(ORDER).published(placed(COUPON))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .whenAggregate(COUPON).publishes(new CouponRedemptionRefusedEvent(COUPON, USER, ORDER, "used"))
               .expectDispatchedCommands(release(KIMCHI), release(RICE),
                                         new RejectOrderCommand(ORDER, RejectionReason.COUPON_NOT_USABLE));
    }

    @Test
    void cannotPayWithInsufficientFundsAndUndoesEveryStepThatTookEffect() {
        fixture.givenAggregate(ORDER).published(placed(COUPON))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .andThenAggregate(COUPON).published(new CouponRedeemedEvent(COUPON, USER, ORDER, Money.won(1_000)))
               .whenAggregate(USER).publishes(new AccountDebitRefusedEvent(USER, ORDER, Money.won(53_000),
                                                                           Money.won(10)))
               .expectDispatchedCommands(release(KIMCHI), release(RICE),
                                         new ReleaseCouponCommand(COUPON, USER, ORDER),
                                         new RejectOrderCommand(ORDER, RejectionReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void cannotPayForAnUnknownProduct() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .whenAggregate(ORDER).publishes(new OrderStepFailedEvent(ORDER, RejectionReason.PRODUCT_NOT_FOUND))
               .expectDispatchedCommands(release(KIMCHI), release(RICE),
                                         new RejectOrderCommand(ORDER, RejectionReason.PRODUCT_NOT_FOUND));
    }

    @Test
    void cannotRejectTwiceWhenASecondRefusalArrives() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(new StockReservationRefusedEvent(KIMCHI, ORDER, 2, 0))
               .whenAggregate(RICE).publishes(new StockReservationRefusedEvent(RICE, ORDER, 1, 0))
               .expectNoDispatchedCommands();
    }

    @Test
    void cannotWaitLongerThanTheStepDeadline() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .whenTimeElapses(STEP_TIMEOUT)
               .expectTriggeredDeadlinesWithName(OrderPaymentSaga.STEP_DEADLINE)
               .expectDispatchedCommands(release(KIMCHI), release(RICE),
                                         new RejectOrderCommand(ORDER, RejectionReason.TIMED_OUT));
    }

    /** Placed at 0 s, debit step started at 20 s, deadline due at 30 s: the debit gets until 50 s (now is 35 s). */
    @Test
    void canGiveALaterStepItsOwnTime() throws Exception {
        FixtureExecutionResult result =
                fixture.givenAggregate(ORDER).published(placed(null))
                       .andThenTimeElapses(Duration.ofSeconds(20))
                       .andThenAggregate(KIMCHI).published(kimchiReserved())
                       .andThenAggregate(RICE).published(riceReserved())
                       .whenTimeElapses(Duration.ofSeconds(15));
        result.expectTriggeredDeadlinesWithName(OrderPaymentSaga.STEP_DEADLINE)
              .expectNoDispatchedCommands()
              .expectScheduledDeadlineWithName(Duration.ofSeconds(15), OrderPaymentSaga.STEP_DEADLINE);
    }

    @Test
    void canResendTheCompletionInsteadOfTimingOutOnceDebited() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenAggregate(RICE).published(riceReserved())
               .andThenAggregate(USER).published(new AccountDebitedEvent(USER, ORDER, Money.won(54_000), Money.ZERO))
               .whenTimeElapses(STEP_TIMEOUT)
               .expectDispatchedCommands(new CompleteOrderPaymentCommand(ORDER, PRICED, Money.ZERO));
    }

    @Test
    void cannotDebitAfterTimingOut() throws Exception {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(kimchiReserved())
               .andThenTimeElapses(STEP_TIMEOUT)
               .whenAggregate(RICE).publishes(riceReserved())
               .expectNoDispatchedCommands();
    }

    @Test
    void canEndWhenRejected() {
        fixture.givenAggregate(ORDER).published(placed(null))
               .andThenAggregate(KIMCHI).published(new StockReservationRefusedEvent(KIMCHI, ORDER, 2, 0))
               .whenAggregate(ORDER).publishes(new OrderRejectedEvent(ORDER, USER, RejectionReason.OUT_OF_STOCK,
                                                                      PLACED_AT))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }
}
