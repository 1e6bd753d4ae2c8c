package dev.jangteo.command.order;

import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.RefundOrderCommand;
import dev.jangteo.api.catalog.ReleaseStockCommand;
import dev.jangteo.api.catalog.StockReleasedEvent;
import dev.jangteo.api.coupon.CouponReleasedEvent;
import dev.jangteo.api.coupon.ReleaseCouponCommand;
import dev.jangteo.api.order.CompleteOrderCancellationCommand;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
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

class OrderCancellationSagaTest {

    private static final Duration RETRY = Duration.ofSeconds(30);

    private SagaTestFixture<OrderCancellationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderCancellationSaga.class);
        fixture.registerResource(new OrderProperties(RETRY));
        fixture.withTransienceCheckDisabled();
        fixture.givenCurrentTime(PLACED_AT);
    }

    private static OrderCancellationRequestedEvent requested() {
        return new OrderCancellationRequestedEvent(ORDER, USER, PRICED, COUPON, PLACED_AT);
    }

    @Test
    void canRefundReleaseAndRestoreTheCoupon() {
        fixture.givenNoPriorActivity()
               .whenAggregate(ORDER).publishes(requested())
               .expectActiveSagas(1)
               .expectDispatchedCommands(new RefundOrderCommand(USER, ORDER),
                                         new ReleaseStockCommand(KIMCHI, ORDER),
                                         new ReleaseStockCommand(RICE, ORDER),
                                         new ReleaseCouponCommand(COUPON, USER, ORDER));
    }

    @Test
    void canCompleteWhenEverythingAnswered() {
        fixture.givenAggregate(ORDER).published(requested())
               .andThenAggregate(USER).published(new AccountRefundedEvent(USER, ORDER, Money.won(53_000),
                                                                          Money.won(53_000)))
               .andThenAggregate(KIMCHI).published(new StockReleasedEvent(KIMCHI, ORDER, 2, 10))
               .andThenAggregate(RICE).published(new StockReleasedEvent(RICE, ORDER, 1, 5))
               .whenAggregate(COUPON).publishes(new CouponReleasedEvent(COUPON, USER, ORDER, true))
               .expectDispatchedCommands(new CompleteOrderCancellationCommand(ORDER));
    }

    @Test
    void canResendOnlyWhatHasNotAnswered() {
        fixture.givenAggregate(ORDER).published(requested())
               .andThenAggregate(USER).published(new AccountRefundedEvent(USER, ORDER, Money.won(53_000),
                                                                          Money.won(53_000)))
               .andThenAggregate(KIMCHI).published(new StockReleasedEvent(KIMCHI, ORDER, 2, 10))
               .whenTimeElapses(RETRY)
               .expectDispatchedCommands(new ReleaseStockCommand(RICE, ORDER),
                                         new ReleaseCouponCommand(COUPON, USER, ORDER));
    }

    @Test
    void canEndWhenCancelled() {
        fixture.givenAggregate(ORDER).published(requested())
               .whenAggregate(ORDER).publishes(new OrderCancelledEvent(ORDER, USER, PRICED, COUPON,
                                                                       Money.won(54_000), Money.won(1_000),
                                                                       Money.won(53_000), PLACED_AT, PLACED_AT))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }
}
